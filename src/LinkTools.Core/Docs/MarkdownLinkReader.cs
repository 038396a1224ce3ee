using System.Collections.Generic;
using System.Text;
using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace LinkTools.Core.Docs
{
    /// <summary>
    /// A Markdown file's links and anchors, read with Markdig (CommonMark, pipe tables, bare-URL autolinks): inline links
    /// and images, reference links (at the line that uses them) and definitions no link uses, &lt;autolinks&gt;, raw HTML
    /// through the HTML link scanner, in tables and lists alike. Code spans and code blocks hold no links: Markdig leaves
    /// their text unparsed. Line numbers come from the parser's source positions.
    /// </summary>
    internal static class MarkdownLinkReader
    {
        private const int MaxLinkText = 80;

        // Built once: a pipeline is immutable and safe to share between threads.
        private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().UseAutoLinks().Build();

        public static DocPage Read(string markdown, SlugStyle style)
        {
            var document = Markdown.Parse(markdown, Pipeline);
            var links = new List<HtmlLinkScanner.RawLink>();
            var anchors = new HashSet<string>(System.StringComparer.Ordinal);
            var slugs = new HeadingSlugs(style);
            var used = new HashSet<LinkReferenceDefinition>();
            var definitions = new List<LinkReferenceDefinition>();

            foreach (var node in document.Descendants())
            {
                switch (node)
                {
                    case HeadingBlock heading:
                        anchors.Add(slugs.Next(PlainText(heading.Inline, int.MaxValue)));
                        break;
                    case LinkReferenceDefinition definition:
                        definitions.Add(definition);
                        break;
                    case LinkInline link:
                        if (link.Reference != null) used.Add(link.Reference);
                        if (string.IsNullOrEmpty(link.Url)) break;
                        string attribute = link.IsAutoLink ? "autolink" : "markdown";
                        links.Add(new HtmlLinkScanner.RawLink(link.Url!.Trim(), link.IsImage ? "img" : "a", attribute, PlainText(link, MaxLinkText), link.Line + 1));
                        break;
                    case AutolinkInline autolink:
                        string url = autolink.IsEmail && !autolink.Url.StartsWith("mailto:", System.StringComparison.OrdinalIgnoreCase) ? "mailto:" + autolink.Url : autolink.Url;
                        links.Add(new HtmlLinkScanner.RawLink(url, "a", "autolink", autolink.Url, autolink.Line + 1));
                        break;
                    case HtmlBlock block:
                        AddHtml(block.Lines.ToString(), block.Line, links, anchors);
                        break;
                    case HtmlInline inline:
                        AddHtml(inline.Tag, inline.Line, links, anchors);
                        break;
                }
            }

            // A definition is checked where a link uses it; one that no link uses is still checked, on its own line.
            foreach (var definition in definitions)
            {
                if (used.Contains(definition) || string.IsNullOrEmpty(definition.Url)) continue;
                links.Add(new HtmlLinkScanner.RawLink(definition.Url!.Trim(), "a", "definition", definition.Label ?? "", definition.Line + 1));
            }

            return new DocPage(links, anchors, baseHref: null);
        }

        /// <summary>Raw HTML in Markdown goes through the same scanner as an HTML file; its lines count from where it starts.</summary>
        private static void AddHtml(string html, int line, List<HtmlLinkScanner.RawLink> links, HashSet<string> anchors)
        {
            if (html.Length == 0) return;
            var scanned = HtmlLinkScanner.Scan(html);
            foreach (var link in scanned.Links)
            {
                links.Add(new HtmlLinkScanner.RawLink(link.Raw, link.Element, link.Attribute, link.Text, line + link.Line) { FallbackText = link.FallbackText });
            }

            anchors.UnionWith(scanned.Anchors);
        }

        /// <summary>The text a reader sees: literals, code spans and nested emphasis, without markup or raw HTML.</summary>
        private static string PlainText(ContainerInline? container, int max)
        {
            if (container == null) return "";
            var text = new StringBuilder();
            Append(container, text, max);
            string flat = text.ToString().Trim();
            return flat.Length > max ? flat.Substring(0, max - 1) + "…" : flat;
        }

        private static void Append(ContainerInline container, StringBuilder text, int max)
        {
            for (var inline = container.FirstChild; inline != null && text.Length <= max; inline = inline.NextSibling)
            {
                switch (inline)
                {
                    case LiteralInline literal:
                        text.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        text.Append(code.Content);
                        break;
                    case LineBreakInline:
                        text.Append(' ');
                        break;
                    case HtmlEntityInline entity:
                        text.Append(entity.Transcoded.ToString());
                        break;
                    case AutolinkInline autolink:
                        text.Append(autolink.Url);
                        break;
                    case ContainerInline child:
                        Append(child, text, max);
                        break;
                }
            }
        }
    }
}
