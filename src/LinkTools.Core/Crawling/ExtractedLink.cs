using System;

namespace LinkTools.Core.Crawling
{
    /// <summary>One link found in a page: where it points and where in the page it was written.</summary>
    public sealed class ExtractedLink
    {
        public ExtractedLink(string raw, Uri? target, string element, string attribute, string text, int line)
            : this(raw, target, element, attribute, text, line, LinkSources.Navigates(element, attribute) ? LinkKind.Navigation : LinkKind.Resource)
        {
        }

        private ExtractedLink(string raw, Uri? target, string element, string attribute, string text, int line, LinkKind kind)
        {
            Kind = kind;
            Raw = raw;
            Target = target;
            Element = element;
            Attribute = attribute;
            Text = text;
            Line = line;
        }

        /// <summary>The attribute value as written (trimmed).</summary>
        public string Raw { get; }

        /// <summary>The absolute URL, fragment kept; null when <see cref="Raw"/> does not resolve to a URL.</summary>
        public Uri? Target { get; }

        public string Element { get; }

        public string Attribute { get; }

        /// <summary>The link text (or an image's alt text), whitespace collapsed and shortened.</summary>
        public string Text { get; }

        /// <summary>1-based line in the source page, or 0 when unknown.</summary>
        public int Line { get; }

        /// <summary>Where the link came from: a page's navigation or resource, the start URL, a sitemap.</summary>
        public LinkKind Kind { get; }

        /// <summary>Whether following it navigates to a document (a page to crawl) rather than loading a resource.</summary>
        public bool IsNavigation => Kind == LinkKind.Navigation;

        /// <summary>Whether following it reads the page it leads to: a navigation, the start URL, a sitemap entry.</summary>
        internal bool Reads => Kind != LinkKind.Resource;

        /// <summary>The crawl's start URL, shown with element "start".</summary>
        internal static ExtractedLink Start(Uri url) => new ExtractedLink(url.OriginalString, url, "start", "", "", 0, LinkKind.Start);

        /// <summary>A page a sitemap lists (its &lt;loc&gt; as written), shown with element "sitemap".</summary>
        internal static ExtractedLink SitemapEntry(string loc, Uri? page) => new ExtractedLink(loc, page, "sitemap", "loc", "", 0, LinkKind.Sitemap);
    }
}
