using System;
using System.Text.RegularExpressions;

namespace LinkTools.Core.Triage
{
    /// <summary>
    /// One accepted broken link: a wildcard URL pattern ('*' any run of characters, '?' one character, matched
    /// against the whole URL, case-insensitively, as PowerShell's -like), why, and until when.
    /// </summary>
    public sealed class Suppression
    {
        private readonly Regex _regex;

        public Suppression(string pattern, string reason, DateTime? expires)
        {
            Pattern = pattern;
            Reason = reason;
            Expires = expires?.Date;
            var body = Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".");
            _regex = new Regex("^" + body + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        }

        public string Pattern { get; }

        public string Reason { get; }

        /// <summary>The last day (UTC) the suppression applies; null when it never expires.</summary>
        public DateTime? Expires { get; }

        public bool IsExpired(DateTimeOffset now) => Expires.HasValue && now.UtcDateTime.Date > Expires.Value;

        public bool Matches(string url) => _regex.IsMatch(url);

        public override string ToString() =>
            Expires.HasValue ? $"{Pattern} ({Reason}; expires {Expires.Value:yyyy-MM-dd})" : $"{Pattern} ({Reason})";
    }
}
