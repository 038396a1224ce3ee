using System;
using System.Globalization;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Settings
{
    /// <summary>
    /// The range checks behind every settings object's init accessors (a settings object checks each value as it is
    /// built, so an invalid one never exists), against the bounds of each setting's <see cref="SettingDescription"/>,
    /// so the engine, the crawl and the watch word a refusal alike: an
    /// <see cref="ArgumentOutOfRangeException"/> whose parameter name is the setting, and whose message starts with it
    /// ("DelayPerHost must be between 0 and 600 seconds; got 601 s.").
    /// </summary>
    public static class SettingValidation
    {
        /// <summary>A number held to its description's bounds (its no-limit value aside), named as the settings object names it.</summary>
        public static long Between(long value, SettingDescription setting, string name) =>
            value == setting.NoLimit ? value : Between(value, setting.Min, setting.Max, name);

        /// <inheritdoc cref="Between(long, SettingDescription, string)"/>
        public static int Between(int value, SettingDescription setting, string name)
        {
            Between((long)value, setting, name);
            return value;
        }

        /// <summary>A duration the front ends take in seconds, held to its description's bounds.</summary>
        public static TimeSpan BetweenSeconds(TimeSpan value, SettingDescription setting, string name) =>
            BetweenSeconds(value, (int)setting.Min, (int)setting.Max, name);

        public static long Between(long value, long min, long max, string name)
        {
            if (value < min || value > max) throw Refuse(name, $"must be between {min} and {max}; got {value}");
            return value;
        }

        public static TimeSpan BetweenSeconds(TimeSpan value, int minSec, int maxSec, string name)
        {
            if (value < TimeSpan.FromSeconds(minSec) || value > TimeSpan.FromSeconds(maxSec))
            {
                throw Refuse(name, $"must be between {minSec} and {maxSec} seconds; got {value.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
            }

            return value;
        }

        /// <summary>A duration that must be positive (or, when not, at least zero) and at most <paramref name="max"/>, if given.</summary>
        public static TimeSpan Span(TimeSpan value, TimeSpan? max, bool positive, string name)
        {
            bool low = positive ? value <= TimeSpan.Zero : value < TimeSpan.Zero;
            if (low || value > max)
            {
                string upper = max is TimeSpan m ? " and at most " + Durations.Format(m) : "";
                throw Refuse(name, $"must be {(positive ? "positive" : "zero or more")}{upper}; got {Durations.Format(value)}");
            }

            return value;
        }

        /// <summary>A file the run will write, refused when it names a folder (which the system would only call "access denied").</summary>
        public static string? File(string? path, string name)
        {
            if (path != null && LinkTools.Core.Storage.AtomicFile.IsFolder(path))
            {
                throw new ArgumentException($"{name} '{path}' is a folder; give a file name.", name);
            }

            return path;
        }

        /// <summary>
        /// The message of a refused setting (or any argument error) without what the runtime appends to it: " (Parameter
        /// 'x')" on .NET, "\r\nParameter name: x" on .NET Framework. Front ends print it to the user.
        /// </summary>
        public static string MessageOf(ArgumentException error)
        {
            string message = error.Message;
            if (string.IsNullOrEmpty(error.ParamName)) return message;
            string suffix = new ArgumentException("", error.ParamName).Message;
            return suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
        }

        private static ArgumentOutOfRangeException Refuse(string name, FormattableString rule) =>
            new ArgumentOutOfRangeException(name, name + " " + rule.ToString(CultureInfo.InvariantCulture) + ".");
    }
}
