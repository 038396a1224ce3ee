using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>The status codes a site may answer with: "200-299,301". The default accepts everything below 400.</summary>
    public sealed class StatusRanges
    {
        private readonly (int Low, int High)[] _ranges;

        private StatusRanges((int, int)[] ranges, string text)
        {
            _ranges = ranges;
            Text = text;
        }

        public static StatusRanges Default { get; } = new StatusRanges(new[] { (100, 399) }, "100-399");

        public string Text { get; }

        public bool Contains(int status) => _ranges.Any(r => status >= r.Low && status <= r.High);

        /// <summary>Parses a comma-separated list of codes and ranges; on failure returns false and a sentence naming the bad part.</summary>
        public static bool TryParse(string? text, out StatusRanges ranges, out string error)
        {
            ranges = Default;
            error = "";
            if (string.IsNullOrWhiteSpace(text)) return true;

            var parsed = new List<(int, int)>();
            foreach (var raw in text!.Split(','))
            {
                var part = raw.Trim();
                if (part.Length == 0) continue;
                int dash = part.IndexOf('-', 1);
                string lowText = dash < 0 ? part : part.Substring(0, dash).Trim();
                string highText = dash < 0 ? part : part.Substring(dash + 1).Trim();
                if (!TryCode(lowText, out int low) || !TryCode(highText, out int high) || high < low)
                {
                    error = $"'{part}' in the expected status list '{text}' is not a status code (100-999) or a range like 200-299.";
                    return false;
                }

                parsed.Add((low, high));
            }

            if (parsed.Count == 0)
            {
                error = $"The expected status list '{text}' names no status code.";
                return false;
            }

            ranges = new StatusRanges(parsed.ToArray(), string.Join(",", parsed.Select(r => r.Item1 == r.Item2 ? r.Item1.ToString(CultureInfo.InvariantCulture) : r.Item1 + "-" + r.Item2)));
            return true;
        }

        private static bool TryCode(string text, out int code) =>
            int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out code) && code >= 100 && code <= 999;

        public override string ToString() => Text;
    }
}
