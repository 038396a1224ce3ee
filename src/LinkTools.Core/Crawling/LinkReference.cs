using System;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// A (page, link) pair waiting for its target's verdict. Kept compact, without the link's Uri object, because a
    /// large crawl holds a million of these at once (S5: most links wait while the frontier is long).
    /// </summary>
    internal readonly struct LinkReference
    {
        /// <param name="sharedUrl">The target's own URL text: when the link's URL is the same text, that one instance is
        /// kept instead, so the many links to one target share a string.</param>
        public LinkReference(string sourceUrl, int sourceDepth, ExtractedLink link, string? sharedUrl = null)
        {
            SourceUrl = sourceUrl;
            SourceDepth = sourceDepth;
            string url = link.Target != null ? UrlText.Redact(link.Target) : UrlText.Redact(link.Raw);
            Url = sharedUrl != null && string.Equals(url, sharedUrl, StringComparison.Ordinal) ? sharedUrl : url;
            Fragment = link.Target != null ? UrlNormalizer.FragmentOf(link.Target) : "";
            Element = link.Element;
            Attribute = link.Attribute;
            Text = link.Text;
            Line = link.Line;
        }

        /// <summary>A link reported at once, as shown: a documentation folder's local link, or one left out before any lookup.</summary>
        public LinkReference(string sourceUrl, string url, string element, string attribute, string text, int line)
        {
            SourceUrl = sourceUrl;
            SourceDepth = 0;
            Url = url;
            Fragment = "";
            Element = element;
            Attribute = attribute;
            Text = text;
            Line = line;
        }

        public string SourceUrl { get; }
        public int SourceDepth { get; }

        /// <summary>The link's absolute URL as shown (user info redacted), or the raw value when it is not a URL.</summary>
        public string Url { get; }

        /// <summary>The fragment as the URL has it (not decoded), or "" when the link has none.</summary>
        public string Fragment { get; }

        public string Element { get; }
        public string Attribute { get; }
        public string Text { get; }
        public int Line { get; }
    }
}
