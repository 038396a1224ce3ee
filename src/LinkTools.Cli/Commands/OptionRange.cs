using System.CommandLine;
using System.Globalization;
using System.CommandLine.Parsing;

namespace LinkTools.Cli.Commands;

/// <summary>Holds a numeric option to the bounds the cmdlets and the engine use: out of range is a usage error naming the option, never a clamp.</summary>
internal static class OptionRange
{
    public static void Require<T>(Option<T> option, T min, T max) where T : struct, IComparable<T> =>
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<T>(), min, max));

    /// <summary>
    /// A fractional option, read invariantly ("0.5" whatever the culture, as the docs and the cmdlets write it) and
    /// held to the bounds in the same step: a validator would read the value again and fail on one not read.
    /// </summary>
    public static void Require(Option<double> option, double min, double max) =>
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return default;
            string text = result.Tokens[^1].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{option.Name} takes a number such as 0.5; got '{text}'.");
                return default;
            }

            if (!(value >= min && value <= max)) result.AddError(OutOfRange(option.Name, value, min, max));
            return value;
        };

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
        if (value.CompareTo(min) < 0 || value.CompareTo(max) > 0)
        {
            result.AddError(OutOfRange(name, value, min, max));
        }
    }

    // Invariant, as the options are read: "600.5", never "600,5" under a comma culture.
    private static string OutOfRange<T>(string name, T value, T min, T max) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} must be between {min} and {max}; got {value}.");
}
