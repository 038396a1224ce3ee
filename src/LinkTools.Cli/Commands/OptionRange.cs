using System.CommandLine;
using System.CommandLine.Parsing;

namespace LinkTools.Cli.Commands;

/// <summary>Holds a numeric option to the bounds the cmdlets and the engine use: out of range is a usage error naming the option, never a clamp.</summary>
internal static class OptionRange
{
    public static void Require<T>(Option<T> option, T min, T max) where T : struct, IComparable<T> =>
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<T>(), min, max));

    /// <summary>An optional option: absent is fine, given must be in range.</summary>
    public static void Require<T>(Option<T?> option, T min, T max) where T : struct, IComparable<T> =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<T?>() is T value) Check(result, option.Name, value, min, max);
        });

    /// <summary>A repeatable option: every value given must be in range.</summary>
    public static void RequireEach<T>(Option<T[]> option, T min, T max) where T : struct, IComparable<T> =>
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<T[]>() ?? []) Check(result, option.Name, value, min, max);
        });

    private static void Check<T>(OptionResult result, string name, T value, T min, T max) where T : IComparable<T>
    {
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0) result.AddError($"{name} must be between {min} and {max}; got {value}.");
    }
}
