using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using LinkTools.Core.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Finds every link a page loads or navigates to, as <see cref="LinkSources"/> lists them (elements' URL attributes,
    /// srcset candidates, meta refresh, CSS url() and @import in &lt;style&gt; and style attributes); &lt;base href&gt; respected. The page is read as a
    /// stream of tags by AngleSharp's tokenizer (<see cref="HtmlLinkScanner"/>); no DOM is built, and only the links
    /// and the page's anchors are kept.
    /// </summary>
    public static class LinkExtractor
    {
        private const int MaxLinkText = 80;

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
            var page = HtmlLinkScanner.Scan(html);
            var baseUri = page.BaseHref != null && TryResolve(pageUri, page.BaseHref, out var declared) ? declared : pageUri;
            var links = new List<ExtractedLink>(page.Links.Count);
            foreach (var link in page.Links)
            {
                // Uri would encode a non-ASCII query as UTF-8; a windows-1252 or Shift_JIS page's server expects its own bytes.
                TryResolve(baseUri, QueryEncoding.Apply(link.Raw, pageEncoding), out var target);
                // What is shown of the link (as written, and its text) carries no terminal escape or bidi override.
                links.Add(new ExtractedLink(ConsoleText.WithoutControls(link.Raw), target, link.Element, link.Attribute,
                    ConsoleText.WithoutControls(Collapse(link.Text)), link.Line));
            }

            return new PageLinks(links, page.Anchors);
        }

        /// <summary>
        /// The url() and @import links of a style sheet fetched from <paramref name="sheetUri"/>, relative to it (as a
        /// browser resolves them), each with its line in the sheet; element "css", attribute "url()" or "@import".
        /// </summary>
        public static IReadOnlyList<ExtractedLink> ExtractCss(byte[] body, string? headerCharset, Uri sheetUri)
        {
            string css = HtmlDecoding.Decode(body, headerCharset);
            var links = new List<ExtractedLink>();
            foreach (var link in CssLinkReader.Read(css))
            {
                string raw = HtmlLinkScanner.StripUrlWhitespace(link.Url);
                if (raw.Length == 0) continue;
                TryResolve(sheetUri, raw, out var target);
                links.Add(new ExtractedLink(raw, target, "css", link.IsImport ? "@import" : "url()", "", link.Line + 1));
            }

            return links;
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

                // RFC 6068 lets a mailbox spell its '@' as %40 ('mailto:docs%40python.org'), which Uri refuses; the
                // same address with '@' is the same link.
                if (reference.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) && reference.IndexOf("%40", StringComparison.OrdinalIgnoreCase) > 0 &&
                    Uri.TryCreate(MailtoAt(reference), UriKind.Absolute, out var mailto))
                {
                    resolved = mailto;
                    return true;
                }
            }
            catch (UriFormatException)
            {
            }

            return false;
        }

        private static string MailtoAt(string reference)
        {
            int query = reference.IndexOf('?');
            string to = query < 0 ? reference : reference.Substring(0, query);
            return to.Replace("%40", "@") + (query < 0 ? "" : reference.Substring(query));
        }

        internal static string Collapse(string text)
        {
            if (IsCollapsed(text)) return text;
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

        // Most link texts are short and single-spaced already: they are kept as they are, without a copy.
        private static bool IsCollapsed(string text)
        {
            if (text.Length > MaxLinkText) return false;
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]) && (text[i] != ' ' || i == 0 || i == text.Length - 1 || text[i - 1] == ' ')) return false;
            }

            return true;
        }
    }
}
