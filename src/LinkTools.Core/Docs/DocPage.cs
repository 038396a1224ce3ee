using System.Collections.Generic;
using System.Text;
using LinkTools.Core.Crawling;
using LinkTools.Core.Text;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Docs
{
    /// <summary>What is read from one documentation file: its links as written, the anchors it defines, its &lt;base href&gt;.</summary>
    internal sealed class DocPage
    {
        public DocPage(IReadOnlyList<HtmlLinkScanner.RawLink> links, HashSet<string> anchors, string? baseHref)
        {
            Links = links;
            Anchors = anchors;
            BaseHref = baseHref;
        }

        public IReadOnlyList<HtmlLinkScanner.RawLink> Links { get; }

        /// <summary>Heading anchors (Markdown), ids and &lt;a name&gt;s.</summary>
        public HashSet<string> Anchors { get; }

        public string? BaseHref { get; }

        public static bool IsMarkdown(string path) =>
            path.EndsWith(".md", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".markdown", System.StringComparison.OrdinalIgnoreCase);

        public static bool IsHtml(string path) =>
            path.EndsWith(".html", System.StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", System.StringComparison.OrdinalIgnoreCase);

        /// <summary>Reads a Markdown or HTML file (by its extension; anything else is read as HTML).</summary>
        public static DocPage Read(string fullPath, SlugStyle slugs)
        {
            byte[] bytes = System.IO.File.ReadAllBytes(fullPath);
            if (IsMarkdown(fullPath)) return MarkdownLinkReader.Read(Decode(bytes), slugs);
            var html = HtmlLinkScanner.Scan(HtmlDecoding.Decode(bytes, null));
            return new DocPage(html.Links, html.Anchors, html.BaseHref);
        }

        // Markdown is UTF-8 unless a byte order mark says otherwise.
        private static string Decode(byte[] bytes)
        {
            using var reader = new System.IO.StreamReader(new System.IO.MemoryStream(bytes), new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
    }
}
