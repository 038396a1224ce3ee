using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LinkTools.Core.Http;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Which URLs a crawl fetches and parses (the start URL's origin, and optionally its folder) and which it checks at
    /// all (-Include / -Exclude regular expressions, matched against the whole URL, case-insensitively).
    /// </summary>
    public sealed class CrawlScope
    {
        private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

        private static readonly HashSet<string> NotPages = new(StringComparer.OrdinalIgnoreCase)
        {
            ".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".ico", ".bmp", ".avif", ".js", ".mjs", ".json", ".xml",
            ".pdf", ".zip", ".gz", ".tgz", ".7z", ".rar", ".exe", ".msi", ".dmg", ".iso", ".mp3", ".mp4", ".webm", ".ogg",
            ".wav", ".mov", ".avi", ".woff", ".woff2", ".ttf", ".otf", ".eot", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".csv", ".txt",
        };

        private readonly string _origin;
        private readonly bool _stayUnderPath;
        private readonly string _pathPrefix;
        private readonly Regex[] _include;
        private readonly Regex[] _exclude;

        /// <param name="stayUnderPath">Crawl only below the start URL's folder (for /docs/v2/ on a shared host).</param>
        public CrawlScope(Uri start, bool stayUnderPath, IEnumerable<string>? include, IEnumerable<string>? exclude)
            : this(start, stayUnderPath, Compile(include), Compile(exclude))
        {
        }

        private CrawlScope(Uri start, bool stayUnderPath, Regex[] include, Regex[] exclude)
        {
            _origin = TrustedOrigins.OriginOf(start);
            string path = start.AbsolutePath;
            _stayUnderPath = stayUnderPath;
            _pathPrefix = stayUnderPath ? path.Substring(0, path.LastIndexOf('/') + 1) : "/";
            _include = include;
            _exclude = exclude;
        }

        /// <summary>The same scope around another start URL (where the start URL redirected), with the patterns already compiled.</summary>
        public CrawlScope MovedTo(Uri start) => new CrawlScope(start, _stayUnderPath, _include, _exclude);

        /// <summary>Throws <see cref="ArgumentException"/> naming a pattern that is not a valid regular expression.</summary>
        public static Regex[] Compile(IEnumerable<string>? patterns)
        {
            var compiled = new List<Regex>();
            foreach (var pattern in patterns ?? Array.Empty<string>())
            {
                try
                {
                    compiled.Add(new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout));
                }
                catch (ArgumentException ex)
                {
                    throw new ArgumentException($"'{pattern}' is not a valid regular expression: {ex.Message}", ex);
                }
            }

            return compiled.ToArray();
        }

        /// <summary>Same origin as the start URL (and under its folder when asked): fetched with GET and parsed when it is a page.</summary>
        public bool IsInside(Uri uri) =>
            string.Equals(TrustedOrigins.OriginOf(uri), _origin, StringComparison.OrdinalIgnoreCase) &&
            uri.AbsolutePath.StartsWith(_pathPrefix, StringComparison.Ordinal);

        /// <summary>On the start URL's origin, where robots.txt applies.</summary>
        public bool IsSameOrigin(Uri uri) => string.Equals(TrustedOrigins.OriginOf(uri), _origin, StringComparison.OrdinalIgnoreCase);

        /// <summary>False when -Include is given and no pattern matches, or when an -Exclude pattern matches.</summary>
        public bool ShouldCheck(Uri uri) => Refusal(uri) == null;

        /// <summary>
        /// Why the patterns leave the URL out (naming the pattern), or null. Patterns see the URL as the page wrote it,
        /// fragment included (so "#L\d+$" leaves out a link to one line of a file), and also without its fragment (so
        /// "\.pdf$" still leaves out "a.pdf#page=2").
        /// </summary>
        public string? Refusal(Uri uri)
        {
            if (_include.Length == 0 && _exclude.Length == 0) return null;
            string text = uri.AbsoluteUri;
            int hash = text.IndexOf('#');
            string? bare = hash < 0 ? null : text.Substring(0, hash);
            if (_include.Length > 0 && !Array.Exists(_include, r => SafeMatch(r, text) || (bare != null && SafeMatch(r, bare))))
            {
                return "left out by -Include: no pattern matches";
            }

            return Exclusion(text, bare);
        }

        /// <summary>Why an -Exclude pattern leaves the URL out (naming the pattern), or null; -Include is not asked.</summary>
        public string? Exclusion(Uri uri)
        {
            if (_exclude.Length == 0) return null;
            string text = uri.AbsoluteUri;
            int hash = text.IndexOf('#');
            return Exclusion(text, hash < 0 ? null : text.Substring(0, hash));
        }

        private string? Exclusion(string text, string? bare)
        {
            var excluded = Array.Find(_exclude, r => SafeMatch(r, text) || (bare != null && SafeMatch(r, bare)));
            return excluded == null ? null : $"left out by -Exclude '{excluded}'";
        }

        /// <summary>
        /// Whether the path names a file type that is never an HTML page (checked with HEAD, not downloaded). A style sheet
        /// (.css) is not one of them: the site's own are read for the images and fonts they name.
        /// </summary>
        public static bool IsObviouslyNotAPage(Uri uri)
        {
            string path = uri.AbsolutePath;
            int dot = path.LastIndexOf('.');
            return dot > path.LastIndexOf('/') && NotPages.Contains(path.Substring(dot));
        }

        private static bool SafeMatch(Regex regex, string text)
        {
            try
            {
                return regex.IsMatch(text);
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
