using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The rules of one robots.txt for one user agent (RFC 9309): the group naming the agent's product token, else the
    /// '*' group; the longest matching Allow/Disallow wins, Allow on a tie; '*' and '$' wildcards; Crawl-delay and
    /// Sitemap lines.
    /// </summary>
    public sealed class RobotsTxt
    {
        private readonly List<(bool Allow, string Pattern)> _rules;

        private RobotsTxt(List<(bool, string)> rules, TimeSpan? crawlDelay, IReadOnlyList<string> sitemaps)
        {
            _rules = rules;
            CrawlDelay = crawlDelay;
            Sitemaps = sitemaps;
        }

        /// <summary>Everything allowed: what a missing robots.txt (404) means.</summary>
        public static RobotsTxt AllowAll { get; } = new RobotsTxt(new List<(bool, string)>(), null, Array.Empty<string>());

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
                        if (current != null && value.Length > 0) current.Rules.Add((field == "allow", value));
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
            var rules = new List<(bool, string)>();
            TimeSpan? delay = null;
            foreach (var group in chosen)
            {
                rules.AddRange(group.Rules);
                delay ??= group.CrawlDelay;
            }

            return new RobotsTxt(rules, delay, sitemaps);
        }

        /// <summary>Whether the path and query of <paramref name="uri"/> may be crawled.</summary>
        public bool IsAllowed(Uri uri)
        {
            if (_rules.Count == 0) return true;
            string path = uri.PathAndQuery;
            int best = -1;
            bool allowed = true;
            foreach (var (allow, pattern) in _rules)
            {
                if (!Matches(pattern, path)) continue;
                if (pattern.Length > best)
                {
                    best = pattern.Length;
                    allowed = allow;
                }
                else if (pattern.Length == best && allow)
                {
                    allowed = true;
                }
            }

            return allowed;
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

        private static bool Matches(string pattern, string path)
        {
            bool anchored = pattern.EndsWith("$", StringComparison.Ordinal);
            if (anchored) pattern = pattern.Substring(0, pattern.Length - 1);
            return Match(pattern, 0, path, 0, anchored);
        }

        private static bool Match(string pattern, int p, string path, int s, bool anchored)
        {
            while (p < pattern.Length)
            {
                if (pattern[p] == '*')
                {
                    for (int k = s; k <= path.Length; k++)
                    {
                        if (Match(pattern, p + 1, path, k, anchored)) return true;
                    }

                    return false;
                }

                if (s >= path.Length || pattern[p] != path[s]) return false;
                p++;
                s++;
            }

            return !anchored || s == path.Length;
        }

        private static string StripComment(string line)
        {
            int hash = line.IndexOf('#');
            return hash >= 0 ? line.Substring(0, hash) : line;
        }

        private sealed class Group
        {
            public HashSet<string> Agents { get; } = new HashSet<string>();
            public List<(bool Allow, string Pattern)> Rules { get; } = new List<(bool, string)>();
            public TimeSpan? CrawlDelay { get; set; }
        }
    }
}
