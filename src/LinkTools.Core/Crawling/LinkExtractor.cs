using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using AngleSharp;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Finds every link a page loads or navigates to, with AngleSharp: a/area href, link href, img src and srcset,
    /// script src, iframe src, source/video/audio src (and srcset, poster), meta refresh; &lt;base href&gt; respected.
    /// The DOM is disposed before returning: only the links and the page's anchors are kept.
    /// </summary>
    public static class LinkExtractor
    {
        private const int MaxLinkText = 80;

        private static readonly HashSet<string> LinkElements = new(StringComparer.Ordinal)
        {
            "a", "area", "link", "img", "script", "iframe", "source", "video", "audio", "meta",
        };

        // No loaders, no scripting, no CSS: the context only parses. Shared, because it is costly to build.
        private static readonly IBrowsingContext Context = BrowsingContext.New(Configuration.Default);

        // HtmlParser instances are not documented as thread-safe, so each thread gets its own, reused.
        [ThreadStatic]
        private static HtmlParser? _parser;

        private static HtmlParser Parser => _parser ??= new HtmlParser(
            new HtmlParserOptions { IsKeepingSourceReferences = true, IsScripting = false }, Context);

        private static readonly byte[] SamplePage = Encoding.UTF8.GetBytes(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>t</title><link rel=\"stylesheet\" href=\"a.css\"><script src=\"a.js\"></script></head>" +
            "<body><h1 id=\"top\">t</h1><p><a href=\"/b?c=1#top\">b</a></p><img src=\"c.png\" srcset=\"c.png 2x\" alt=\"\"></body></html>");

        private static int _warmed;

        /// <summary>
        /// Parses a small sample page, once per process, so the parser's one-time costs (its code, its tables) are paid
        /// while a crawl's first request is still in flight rather than after its response arrives. Never throws: it
        /// only saves time, and a real parse reports any failure where it happens.
        /// </summary>
        internal static void Warm()
        {
            if (Interlocked.Exchange(ref _warmed, 1) != 0) return;
            try
            {
                Extract(SamplePage, null, new Uri("http://localhost/"));
            }
            catch (Exception)
            {
                // Nothing to report: the crawl's own parses surface any problem with the page they are parsing.
            }
        }

        /// <summary>Parses <paramref name="body"/> (an HTML page fetched from <paramref name="pageUri"/>) and returns its links.</summary>
        /// <param name="headerCharset">The charset named by the Content-Type header, if any.</param>
        public static PageLinks Extract(byte[] body, string? headerCharset, Uri pageUri)
        {
            string html = HtmlDecoding.Decode(body, headerCharset, out var encoding);
            return Extract(html, pageUri, encoding);
        }

        public static PageLinks Extract(string html, Uri pageUri) => Extract(html, pageUri, Encoding.UTF8);

        /// <param name="pageEncoding">The encoding the page came in: browsers encode a link's query in it.</param>
        public static PageLinks Extract(string html, Uri pageUri, Encoding pageEncoding)
        {
            using var document = Parser.ParseDocument(html);
            var baseUri = BaseOf(document, pageUri);
            var links = new List<ExtractedLink>();
            var anchors = new HashSet<string>(StringComparer.Ordinal);

            // One walk over the elements collects both the links and the fragment targets.
            foreach (var element in document.All)
            {
                if (element.Id is string id && id.Length > 0) anchors.Add(id);
                if (IsLinkElement(element.LocalName)) AddLinks(element, baseUri, pageEncoding, links);
                if (element.LocalName == "a" && element.GetAttribute("name") is string name && name.Length > 0) anchors.Add(name);
            }

            return new PageLinks(links, anchors);
        }

        private static bool IsLinkElement(string localName) => LinkElements.Contains(localName);

        private static Uri BaseOf(IDocument document, Uri pageUri)
        {
            var href = document.QuerySelector("base[href]")?.GetAttribute("href");
            return href != null && TryResolve(pageUri, href, out var resolved) ? resolved : pageUri;
        }

        private static void AddLinks(IElement element, Uri baseUri, Encoding pageEncoding, List<ExtractedLink> links)
        {
            string name = element.LocalName;
            switch (name)
            {
                case "a":
                case "area":
                case "link":
                    if (name == "link" && IsHintOnly(element)) return;
                    Add(element, "href", element.GetAttribute("href"), baseUri, pageEncoding, links);
                    break;
                case "img":
                case "source":
                    Add(element, "src", element.GetAttribute("src"), baseUri, pageEncoding, links);
                    foreach (var candidate in SrcSet.Parse(element.GetAttribute("srcset"))) Add(element, "srcset", candidate, baseUri, pageEncoding, links);
                    break;
                case "video":
                    Add(element, "src", element.GetAttribute("src"), baseUri, pageEncoding, links);
                    Add(element, "poster", element.GetAttribute("poster"), baseUri, pageEncoding, links);
                    break;
                case "meta":
                    if (string.Equals(element.GetAttribute("http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase))
                    {
                        Add(element, "content", RefreshTarget(element.GetAttribute("content")), baseUri, pageEncoding, links);
                    }

                    break;
                default:
                    Add(element, "src", element.GetAttribute("src"), baseUri, pageEncoding, links);
                    break;
            }
        }

        // dns-prefetch and preconnect name an origin to warm up, not a resource: there is nothing to check.
        private static bool IsHintOnly(IElement element)
        {
            string rel = " " + (element.GetAttribute("rel") ?? "").ToLowerInvariant() + " ";
            return rel.Contains(" dns-prefetch ") || rel.Contains(" preconnect ");
        }

        private static void Add(IElement element, string attribute, string? value, Uri baseUri, Encoding pageEncoding, List<ExtractedLink> links)
        {
            if (value == null) return;
            string raw = StripUrlWhitespace(value);
            if (raw.Length == 0) return;

            // Uri would encode a non-ASCII query as UTF-8; a windows-1252 or Shift_JIS page's server expects its own bytes.
            TryResolve(baseUri, QueryEncoding.Apply(raw, pageEncoding), out var target);
            int line = element.SourceReference?.Position.Line ?? 0;
            links.Add(new ExtractedLink(raw, target, element.LocalName, attribute, TextOf(element), line));
        }

        /// <summary>Resolves per the URL standard: relative, absolute and protocol-relative references.</summary>
        internal static bool TryResolve(Uri baseUri, string reference, out Uri resolved)
        {
            resolved = null!;
            try
            {
                // Only a reference with a scheme can be absolute; the check spares most links a failed parse (and on
                // Unix, "/path" would otherwise parse as a file URL).
                if (reference.IndexOf(':') > 0 && Uri.TryCreate(reference, UriKind.Absolute, out var absolute) && !absolute.IsFile && !absolute.IsUnc)
                {
                    resolved = absolute;
                    return true;
                }

                if (Uri.TryCreate(baseUri, reference, out var relative))
                {
                    resolved = relative;
                    return true;
                }
            }
            catch (UriFormatException)
            {
            }

            return false;
        }

        // Browsers drop leading and trailing spaces and every tab and newline from URL attributes.
        private static string StripUrlWhitespace(string value)
        {
            value = value.Trim(' ', '\t', '\n', '\r', '\f');
            if (value.IndexOfAny(new[] { '\t', '\n', '\r' }) < 0) return value;
            return value.Replace("\t", "").Replace("\n", "").Replace("\r", "");
        }

        private static string? RefreshTarget(string? content)
        {
            if (content == null) return null;
            int at = content.IndexOf("url", StringComparison.OrdinalIgnoreCase);
            if (at < 0) return null;
            int equals = content.IndexOf('=', at);
            if (equals < 0) return null;
            return content.Substring(equals + 1).Trim().Trim('\'', '"');
        }

        private static string TextOf(IElement element)
        {
            string text = element.LocalName == "a" || element.LocalName == "area"
                ? element.TextContent
                : "";
            if (string.IsNullOrWhiteSpace(text)) text = element.GetAttribute("alt") ?? element.GetAttribute("title") ?? "";
            if (string.IsNullOrWhiteSpace(text) && element.QuerySelector("img[alt]") is IElement image) text = image.GetAttribute("alt") ?? "";
            return Collapse(text);
        }

        private static string Collapse(string text)
        {
            var builder = new StringBuilder(Math.Min(text.Length, MaxLinkText + 1));
            bool space = false;
            foreach (char c in text)
            {
                if (char.IsWhiteSpace(c))
                {
                    space = builder.Length > 0;
                    continue;
                }

                if (space) builder.Append(' ');
                space = false;
                builder.Append(c);
                if (builder.Length > MaxLinkText) return builder.ToString(0, MaxLinkText - 1) + "…";
            }

            return builder.ToString();
        }
    }
}
