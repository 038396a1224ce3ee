using System;
using System.Globalization;

namespace LinkTools.Core
{
    /// <summary>Short human-readable durations for reasons and messages: "250 ms", "20 s", "3 min", "2 h".</summary>
    public static class Durations
    {
        public static string Format(TimeSpan value)
        {
            if (value.TotalSeconds < 1) return ((int)value.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + " ms";
            if (value.TotalMinutes < 2) return Math.Round(value.TotalSeconds, 1).ToString(CultureInfo.InvariantCulture) + " s";
            if (value.TotalHours < 2) return Math.Round(value.TotalMinutes, 1).ToString(CultureInfo.InvariantCulture) + " min";
            return Math.Round(value.TotalHours, 1).ToString(CultureInfo.InvariantCulture) + " h";
        }
    }
}
