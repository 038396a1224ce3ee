using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using LinkTools.Core.Checking;
using LinkTools.Core.Settings;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.Model.Settings;

namespace LinkTools.Cli.Commands;

/// <summary>
/// The options of a command's described settings (<see cref="SettingDescriptions"/>), each built from its description:
/// name, help, default and bounds. A value out of range is a usage error naming the option, never a clamp.
/// </summary>
internal sealed class SettingOptionSet
{
    // By parameter: a command's own default (the watch's timeout) is the same setting.
    private readonly Dictionary<string, Option> _options = [];

    public SettingOptionSet(IReadOnlyList<SettingDescription> settings)
    {
        Descriptions = settings;
        foreach (var setting in settings) _options[setting.Parameter] = Create(setting);
    }

    public IReadOnlyList<SettingDescription> Descriptions { get; }

    public Option this[SettingDescription setting] => _options[setting.Parameter];

    public void AddTo(Command command)
    {
        foreach (var option in _options.Values) command.Options.Add(option);
    }

    /// <summary>The values parsed, for <see cref="SettingMapping"/>.</summary>
    public ISettingSource Read(ParseResult parse) => new Parsed(this, parse);

    public bool IsGiven(ParseResult parse, SettingDescription setting) => parse.GetResult(this[setting]) is { Implicit: false };

    /// <summary>
    /// Builds a settings object, which checks each value as it is set; a refused value (the options' bounds stop most
    /// before this) becomes the error sentence instead of an exception.
    /// </summary>
    public static T? TryBuild<T>(Func<T> build, out string? error) where T : class
    {
        try
        {
            error = null;
            return build();
        }
        catch (ArgumentException ex)
        {
            error = SettingValidation.MessageOf(ex);
            return null;
        }
    }

    private static Option Create(SettingDescription setting)
    {
        string help = setting.Help(commandLine: true);
        bool optional = setting.Default is null;
        var type = setting.Type;
        // A duration is whole seconds on the command line.
        if (type == typeof(int) || type == typeof(TimeSpan))
        {
            return optional
                ? Checked(new Option<int?>(setting.Option) { Description = help }, setting, (int? v) => v)
                : Checked(new Option<int>(setting.Option) { Description = help, DefaultValueFactory = _ => setting.IntDefault }, setting, (int v) => v);
        }

        if (type == typeof(long)) return Checked(new Option<long>(setting.Option) { Description = help, DefaultValueFactory = _ => (long)setting.Default! }, setting, (long v) => v);
        if (type == typeof(double)) return Fractional(new Option<double>(setting.Option) { Description = help, DefaultValueFactory = _ => (double)setting.Default! }, setting);
        if (type == typeof(int[]))
        {
            var codes = new Option<int[]>(setting.Option) { Description = help, AllowMultipleArgumentsPerToken = true };
            codes.Validators.Add(result =>
            {
                foreach (var value in result.GetValueOrDefault<int[]>() ?? []) RefuseOutOfBounds(result, setting, value);
            });
            return codes;
        }

        if (type == typeof(bool)) return new Option<bool>(setting.Option) { Description = help };
        if (type == typeof(string[])) return new Option<string[]>(setting.Option) { Description = help };
        if (type == typeof(string))
        {
            var text = new Option<string?>(setting.Option) { Description = help };
            if (setting.Default is string given) text.DefaultValueFactory = _ => given;
            return text;
        }

        // One line per enum: the option's type must be known when compiled (Native AOT).
        if (type == typeof(CheckMethod)) return Choice<CheckMethod>(setting, help);
        if (type == typeof(SlugStyle)) return Choice<SlugStyle>(setting, help);
        if (type == typeof(WebhookFormat)) return Choice<WebhookFormat>(setting, help);
        throw new NotSupportedException($"{setting.Option}: a setting of type {type.Name} needs its option type here.");
    }

    private static Option<T> Choice<T>(SettingDescription setting, string help) where T : struct, Enum =>
        new(setting.Option) { Description = help, DefaultValueFactory = _ => (T)setting.Default! };

    private static Option<T> Checked<T>(Option<T> option, SettingDescription setting, Func<T, double?> number)
    {
        option.Validators.Add(result =>
        {
            if (number(result.GetValueOrDefault<T>()!) is double value) RefuseOutOfBounds(result, setting, value);
        });
        return option;
    }

    /// <summary>
    /// A fractional option, read invariantly ("0.5" whatever the culture, as the docs and the cmdlets write it) and
    /// held to the bounds in the same step: a validator would read the value again and fail on one not read.
    /// </summary>
    private static Option<double> Fractional(Option<double> option, SettingDescription setting)
    {
        option.CustomParser = result =>
        {
            if (result.Tokens.Count == 0) return default;
            string text = result.Tokens[^1].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                result.AddError($"{option.Name} takes a number such as 0.5; got '{text}'.");
                return default;
            }

            if (!setting.Allows(value)) result.AddError(setting.Refusal(option.Name, value));
            return value;
        };
        return option;
    }

    private static void RefuseOutOfBounds(OptionResult result, SettingDescription setting, double value)
    {
        if (!setting.Allows(value)) result.AddError(setting.Refusal(result.Option.Name, value));
    }

    private sealed class Parsed(SettingOptionSet set, ParseResult parse) : ISettingSource
    {
        public bool IsGiven(SettingDescription setting) => set.IsGiven(parse, setting);

        public object? Value(SettingDescription setting) => set[setting] switch
        {
            Option<int> whole when setting.Type == typeof(TimeSpan) => TimeSpan.FromSeconds(parse.GetValue(whole)),
            Option<int?> whole when setting.Type == typeof(TimeSpan) => parse.GetValue(whole) is int seconds ? TimeSpan.FromSeconds(seconds) : null,
            Option<int> whole => parse.GetValue(whole),
            Option<int?> whole => parse.GetValue(whole),
            Option<long> bytes => parse.GetValue(bytes),
            Option<double> fraction => parse.GetValue(fraction),
            Option<int[]> codes => parse.GetValue(codes) ?? [],
            Option<bool> flag => parse.GetValue(flag),
            Option<string[]> patterns => parse.GetValue(patterns) ?? [],
            Option<string?> text => parse.GetValue(text),
            Option<CheckMethod> method => parse.GetValue(method),
            Option<SlugStyle> slugs => parse.GetValue(slugs),
            Option<WebhookFormat> payload => parse.GetValue(payload),
            var other => throw new NotSupportedException(other.Name),
        };
    }
}
