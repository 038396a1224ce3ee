using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The rules of one robots.txt for one user agent (RFC 9309): the group naming the agent's product token, else the
    /// '*' group; the longest matching Allow/Disallow wins, Allow on a tie; '*' and '$' wildcards; Crawl-delay and
    /// Sitemap lines.
    /// </summary>
    public sealed class RobotsTxt
    {
        /// <summary>How much of a robots.txt is read: RFC 9309 §2.5 asks for at least 500 KiB and allows a limit there.</summary>
        internal const int MaxChars = 500 * 1024;

        private readonly List<Rule> _rules;

        private RobotsTxt(List<Rule> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
        {
            _rules = rules;
            CrawlDelay = crawlDelay;
            Sitemaps = sitemaps;
        }

        /// <summary>Everything allowed: what a missing robots.txt (404) means.</summary>
        public static RobotsTxt AllowAll { get; } = new RobotsTxt(new List<Rule>(), null, Array.Empty<string>());

        /// <summary>Whether any Allow or Disallow applies to this agent (none: every URL is allowed, nothing to match).</summary>
        public bool HasRules => _rules.Count > 0;

        public TimeSpan? CrawlDelay { get; }

        /// <summary>Sitemap URLs listed in the file, as written.</summary>
        public IReadOnlyList<string> Sitemaps { get; }

        public static RobotsTxt Parse(string text, string userAgent)
        {
            string token = ProductToken(userAgent);
            var groups = new List<Group>();
            var sitemaps = new List<string>();
            Group? current = null;
            bool lastWasAgent = false;

            if (text.Length > MaxChars) text = text.Substring(0, MaxChars);
            using var reader = new StringReader(text);
            while (reader.ReadLine() is string rawLine)
            {
                string line = StripComment(rawLine).Trim();
                int colon = line.IndexOf(':');
                if (colon <= 0) continue;
                string field = line.Substring(0, colon).Trim().ToLowerInvariant();
                string value = line.Substring(colon + 1).Trim();

                switch (field)
                {
                    case "user-agent":
                        if (!lastWasAgent || current == null)
                        {
                            current = new Group();
                            groups.Add(current);
                        }

                        current.Agents.Add(value.ToLowerInvariant());
                        lastWasAgent = true;
                        continue;
                    case "allow":
                    case "disallow":
                        // An empty Disallow allows everything: no rule needed.
                        if (current != null && value.Length > 0) current.Rules.Add(new Rule(field == "allow", value));
                        break;
                    case "crawl-delay":
                        if (current != null && double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
                        {
                            current.CrawlDelay = TimeSpan.FromSeconds(Math.Min(seconds, 60));
                        }

                        break;
                    case "sitemap":
                        if (value.Length > 0) sitemaps.Add(value);
                        break;
                }

                lastWasAgent = false;
            }

            var chosen = Choose(groups, token);
            var rules = new List<Rule>();
            TimeSpan? delay = null;
            foreach (var group in chosen)
            {
                rules.AddRange(group.Rules);
                delay ??= group.CrawlDelay;
            }

            return new RobotsTxt(rules, delay, sitemaps);
        }

        /// <summary>Whether the path and query of <paramref name="uri"/> may be crawled.</summary>
        public bool IsAllowed(Uri uri) => IsAllowed(uri, CancellationToken.None);

        /// <summary>Whether the path and query of <paramref name="uri"/> may be crawled.</summary>
        /// <remarks>
        /// Time grows with the file and the URL, never more (no backtracking): a hostile file costs at most a pass over
        /// its rules per URL, and <paramref name="cancellationToken"/> is observed between rules.
        /// </remarks>
        public bool IsAllowed(Uri uri, CancellationToken cancellationToken)
        {
            if (_rules.Count == 0) return true;
            string path = Canonical(uri.PathAndQuery);
            int best = -1;
            bool allowed = true;
            for (int i = 0; i < _rules.Count; i++)
            {
                if ((i & 63) == 63) cancellationToken.ThrowIfCancellationRequested();
                var rule = _rules[i];
                if (rule.Length < best || !rule.Matches(path)) continue;
                if (rule.Length > best)
                {
                    best = rule.Length;
                    allowed = rule.Allow;
                }
                else if (rule.Allow)
                {
                    allowed = true;
                }
            }

            return allowed;
        }

        /// <summary>
        /// A path or pattern in the one form RFC 9309 §2.2.2 compares: characters outside ASCII percent-encoded as
        /// UTF-8, escapes of unreserved characters decoded, other escapes in upper case.
        /// </summary>
        internal static string Canonical(string text)
        {
            bool ascii = true;
            foreach (char c in text)
            {
                if (c > '\u007F') { ascii = false; break; }
            }

            if (!ascii)
            {
                var encoded = new StringBuilder(text.Length * 2);
                foreach (byte b in Encoding.UTF8.GetBytes(text))
                {
                    if (b > 0x7F) encoded.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                    else encoded.Append((char)b);
                }

                text = encoded.ToString();
            }

            return UrlNormalizer.NormalizeEscapes(text);
        }

        // "LinkTools/0.1.0 (link checker)" -> "linktools".
        internal static string ProductToken(string userAgent)
        {
            var token = new StringBuilder();
            foreach (char c in userAgent)
            {
                if (char.IsLetterOrDigit(c) || c == '-' || c == '_') token.Append(char.ToLowerInvariant(c));
                else break;
            }

            return token.ToString();
        }

        private static List<Group> Choose(List<Group> groups, string token)
        {
            var named = groups.FindAll(g => token.Length > 0 && g.Agents.Contains(token));
            return named.Count > 0 ? named : groups.FindAll(g => g.Agents.Contains("*"));
        }

        private static string StripComment(string line)
        {
            int hash = line.IndexOf('#');
            return hash >= 0 ? line.Substring(0, hash) : line;
        }

        private sealed class Group
        {
            public HashSet<string> Agents { get; } = new HashSet<string>();
            public List<Rule> Rules { get; } = new List<Rule>();
            public TimeSpan? CrawlDelay { get; set; }
        }

        /// <summary>
        /// One Allow or Disallow. The pattern is kept as its literal pieces between '*'s: the first must start the path,
        /// each later one is found leftmost after the one before, and with '$' the last must end the path. Leftmost is
        /// always right for '*' (any later match leaves less room), so nothing is ever retried.
        /// </summary>
        private sealed class Rule
        {
            private readonly string[] _pieces;
            private readonly bool _anchored;

            public Rule(bool allow, string pattern)
            {
                Allow = allow;
                _anchored = pattern.EndsWith("$", StringComparison.Ordinal);
                if (_anchored) pattern = pattern.Substring(0, pattern.Length - 1);
                pattern = Canonical(pattern);
                Length = pattern.Length + (_anchored ? 1 : 0);
                _pieces = pattern.Split('*');
            }

            public bool Allow { get; }

            /// <summary>How specific the rule is: the longest matching rule wins (RFC 9309 §2.2.2).</summary>
            public int Length { get; }

            public bool Matches(string path)
            {
                string first = _pieces[0];
                if (!path.StartsWith(first, StringComparison.Ordinal)) return false;
                int at = first.Length;
                if (_pieces.Length == 1) return !_anchored || at == path.Length;

                int last = _pieces.Length - 1;
                for (int i = 1; i < last; i++)
                {
                    if (_pieces[i].Length == 0) continue;
                    int found = path.IndexOf(_pieces[i], at, StringComparison.Ordinal);
                    if (found < 0) return false;
                    at = found + _pieces[i].Length;
                }

                string tail = _pieces[last];
                if (_anchored) return path.Length - tail.Length >= at && path.EndsWith(tail, StringComparison.Ordinal);
                return tail.Length == 0 || path.IndexOf(tail, at, StringComparison.Ordinal) >= 0;
            }
        }
    }
}
