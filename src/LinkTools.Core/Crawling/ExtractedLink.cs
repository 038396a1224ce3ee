using System;

namespace LinkTools.Core.Crawling
{
    /// <summary>One link found in a page: where it points and where in the page it was written.</summary>
    public sealed class ExtractedLink
    {
        public ExtractedLink(string raw, Uri? target, string element, string attribute, string text, int line)
        {
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

        /// <summary>Whether following it navigates to a document (a page to crawl) rather than loading a resource.</summary>
        public bool IsNavigation => LinkSources.Navigates(Element, Attribute);
    }
}
