using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LinkTools.Core.Monitoring.States
{
    /// <summary>
    /// A weekly maintenance window: "[days] HH:mm duration [time zone]", for example "Sun 02:00 2h UTC",
    /// "Mon-Fri 22:30 90m Europe/Berlin" or "03:00 30m" (every day, local time zone).
    /// </summary>
    public sealed class MaintenanceWindow
    {
        private static readonly string[] DayNames = { "sun", "mon", "tue", "wed", "thu", "fri", "sat" };

        public MaintenanceWindow(TimeSpan start, TimeSpan duration, IReadOnlyCollection<DayOfWeek> days, TimeZoneInfo timeZone)
        {
            Start = start;
            Duration = duration;
            Days = days;
            TimeZone = timeZone;
        }

        /// <summary>Time of day the window opens, in <see cref="TimeZone"/>.</summary>
        public TimeSpan Start { get; }

        public TimeSpan Duration { get; }

        /// <summary>Days on which the window opens; every day when all seven are listed.</summary>
        public IReadOnlyCollection<DayOfWeek> Days { get; }

        public TimeZoneInfo TimeZone { get; }

        /// <summary>True when <paramref name="utc"/> falls inside a window that opened on one of <see cref="Days"/>.</summary>
        public bool IsActive(DateTimeOffset utc)
        {
            var local = TimeZoneInfo.ConvertTime(utc, TimeZone);

            // A window may run past midnight, so the opening of the previous days is checked too.
            int daysBack = (int)Math.Ceiling(Duration.TotalDays) + 1;
            for (int back = 0; back <= daysBack; back++)
            {
                var day = local.Date.AddDays(-back);
                if (!Days.Contains(day.DayOfWeek)) continue;
                var opensLocal = day + Start;
                var opens = new DateTimeOffset(opensLocal, TimeZone.GetUtcOffset(opensLocal));
                if (utc >= opens && utc < opens + Duration) return true;
            }

            return false;
        }

        public static bool TryParse(string? text, out MaintenanceWindow window, out string error)
        {
            window = null!;
            var parts = (text ?? "").Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries).ToList();
            error = $"The maintenance window '{text}' is not of the form '[days] HH:mm duration [time zone]', for example 'Sun 02:00 2h UTC'.";
            if (parts.Count < 2) return false;

            var days = new HashSet<DayOfWeek>();
            if (!char.IsDigit(parts[0][0]))
            {
                if (!TryDays(parts[0], days)) return false;
                parts.RemoveAt(0);
            }
            else
            {
                foreach (DayOfWeek d in Enum.GetValues(typeof(DayOfWeek))) days.Add(d);
            }

            if (parts.Count < 2) return false;
            if (!TimeSpan.TryParseExact(parts[0], new[] { @"h\:mm", @"hh\:mm" }, CultureInfo.InvariantCulture, out var start) || start >= TimeSpan.FromDays(1)) return false;
            if (!TryDuration(parts[1], out var duration)) return false;

            var zone = TimeZoneInfo.Local;
            if (parts.Count > 2)
            {
                // The rest is the zone: Windows ids have spaces ('W. Europe Standard Time').
                string id = string.Join(" ", parts.Skip(2));
                if (!TryZone(id, out zone))
                {
                    error = $"The time zone '{id}' in the maintenance window '{text}' is not known on this machine.";
                    return false;
                }
            }

            window = new MaintenanceWindow(start, duration, days.ToArray(), zone);
            error = "";
            return true;
        }

        private static bool TryDays(string text, HashSet<DayOfWeek> days)
        {
            foreach (var item in text.Split(','))
            {
                var range = item.Split('-');
                if (range.Length > 2) return false;
                int first = Array.IndexOf(DayNames, Prefix(range[0]));
                int last = range.Length == 2 ? Array.IndexOf(DayNames, Prefix(range[1])) : first;
                if (first < 0 || last < 0) return false;
                for (int d = first; ; d = (d + 1) % 7)
                {
                    days.Add((DayOfWeek)d);
                    if (d == last) break;
                }
            }

            return days.Count > 0;
        }

        private static string Prefix(string day) => day.Length >= 3 ? day.Substring(0, 3).ToLowerInvariant() : "";

        private static bool TryDuration(string text, out TimeSpan duration)
        {
            duration = TimeSpan.Zero;
            if (text.Length < 2) return false;
            char unit = char.ToLowerInvariant(text[text.Length - 1]);
            if (!double.TryParse(text.Substring(0, text.Length - 1), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || value <= 0) return false;
            switch (unit)
            {
                case 'm': duration = TimeSpan.FromMinutes(value); break;
                case 'h': duration = TimeSpan.FromHours(value); break;
                case 'd': duration = TimeSpan.FromDays(value); break;
                default: return false;
            }

            return duration <= TimeSpan.FromDays(7);
        }

        private static bool TryZone(string id, out TimeZoneInfo zone)
        {
            zone = TimeZoneInfo.Utc;
            if (id.Equals("UTC", StringComparison.OrdinalIgnoreCase) || id.Equals("Z", StringComparison.OrdinalIgnoreCase)) return true;
            // TZConvert reads IANA and Windows ids alike, converting to what the platform knows.
            if (TimeZoneConverter.TZConvert.TryGetTimeZoneInfo(id, out var found))
            {
                zone = found;
                return true;
            }

            return false;
        }
    }
}
