using System;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace LinkTools.Model.Settings
{
    /// <summary>
    /// One setting as both front ends take it: its PowerShell parameter, its command-line option, its type, bounds,
    /// default and help. The cmdlet's parameter check (<c>[Setting]</c>), the CLI option and the engine's validation are
    /// all built from it, so a bound or a default is written once, in <see cref="SettingDescriptions"/>.
    /// </summary>
    public sealed class SettingDescription
    {
        private static readonly Regex Placeholder = new Regex(@"\{(range|min|max|default|-[A-Za-z]+)\}", RegexOptions.CultureInvariant);

        internal SettingDescription(string parameter, string option, Type type, long min, long max, object? defaultValue, string help,
            string? setting = null, SettingUnit unit = SettingUnit.Number, long? noLimit = null)
        {
            Parameter = parameter;
            Option = option;
            Type = type;
            Min = min;
            Max = max;
            Default = defaultValue;
            HelpText = help;
            Setting = setting ?? parameter;
            Unit = unit;
            NoLimit = noLimit;
        }

        /// <summary>The cmdlet parameter, without its dash: TimeoutSec.</summary>
        public string Parameter { get; }

        /// <summary>The command-line option: --timeout-sec.</summary>
        public string Option { get; }

        /// <summary>
        /// The value's type on the command line and in PowerShell: int, long, double or int[] for numbers, bool for a
        /// switch, string[] for a list of patterns, an enum, or TimeSpan for <see cref="SettingUnit.Seconds"/> (whole
        /// seconds on the command line).
        /// </summary>
        public Type Type { get; }

        /// <summary>The least value allowed, in the setting's unit (seconds for a duration).</summary>
        public long Min { get; }

        /// <summary>The greatest value allowed, in the setting's unit.</summary>
        public long Max { get; }

        /// <summary>The value when none is given; null when not giving one means "not set" (no limit, forever).</summary>
        public object? Default { get; }

        /// <summary>The property of the settings object that holds it, which the engine names when it refuses a value: Timeout for TimeoutSec.</summary>
        public string Setting { get; }

        public SettingUnit Unit { get; }

        /// <summary>A value outside the bounds that means "no limit" (-1 for a crawl's depth); null when there is none.</summary>
        public long? NoLimit { get; }

        /// <summary>
        /// The help as written, with {range} (or {min}, {max}) and {default} standing for the bounds and the default (so help cannot
        /// disagree with them) and {-Name} for another setting, named as the front end names it.
        /// </summary>
        public string HelpText { get; }

        /// <summary>True for a number held to bounds; false for a switch, a list of patterns or a choice.</summary>
        public bool IsRange => Type == typeof(int) || Type == typeof(long) || Type == typeof(double) || Type == typeof(int[]) || Type == typeof(TimeSpan);

        /// <summary>The default as an int (the front ends' whole-number settings and seconds); 0 when there is none.</summary>
        public int IntDefault => Default is null ? 0 : Convert.ToInt32(Default, CultureInfo.InvariantCulture);

        /// <summary>The same setting with a command's own default (a watch waits longer than a link check).</summary>
        public SettingDescription WithDefault(object? value) =>
            new SettingDescription(Parameter, Option, Type, Min, Max, value, HelpText, Setting, Unit, NoLimit);

        /// <summary>True when <paramref name="value"/> is within the bounds, or is the no-limit value.</summary>
        public bool Allows(double value) => value == NoLimit || value >= Min && value <= Max;

        /// <summary>The refusal of a value, naming the parameter, option or setting as <paramref name="name"/> gives it.</summary>
        public string Refusal(string name, object value)
        {
            string shown = Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
            return NoLimit is long none
                ? string.Format(CultureInfo.InvariantCulture, "{0} must be {1} (no limit) or between {2} and {3}; got {4}.", name, none, Min, Max, shown)
                : string.Format(CultureInfo.InvariantCulture, "{0} must be between {1} and {2}; got {3}.", name, Min, Max, shown);
        }

        /// <summary>The help for PowerShell (<paramref name="commandLine"/> false) or for the command line.</summary>
        public string Help(bool commandLine) => Placeholder.Replace(HelpText, match => match.Groups[1].Value switch
        {
            "range" => Show(Min, commandLine) + " to " + Show(Max, commandLine),
            "min" => Show(Min, commandLine),
            "max" => Show(Max, commandLine),
            "default" => Default is null ? "none" : Show(Default, commandLine),
            var reference => Name(reference.Substring(1), commandLine),
        });

        /// <summary>Another parameter as the front end spells it; one that is no described setting (-Once) in kebab case.</summary>
        private static string Name(string parameter, bool commandLine)
        {
            if (!commandLine) return "-" + parameter;
            if (SettingDescriptions.All.FirstOrDefault(d => d.Parameter == parameter) is SettingDescription described) return described.Option;
            return "-" + Regex.Replace(parameter, "[A-Z]", m => "-" + char.ToLowerInvariant(m.Value[0]), RegexOptions.CultureInvariant);
        }

        private string Show(object value, bool commandLine)
        {
            if (value is bool || value is Enum) return value.ToString();
            double number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
            if (Unit == SettingUnit.Seconds && !commandLine) return TimeSpan.FromSeconds(number).ToString("c", CultureInfo.InvariantCulture);
            if (Unit == SettingUnit.Bytes && number >= 1024)
            {
                foreach (var (size, suffix) in new[] { (1L << 30, " GB"), (1L << 20, " MB"), (1L << 10, " KB") })
                {
                    if (number % size == 0) return (number / size).ToString(CultureInfo.InvariantCulture) + suffix;
                }
            }

            return number >= 10000 ? number.ToString("#,0", CultureInfo.InvariantCulture) : number.ToString(CultureInfo.InvariantCulture);
        }

        public override string ToString() => Parameter;
    }
}
