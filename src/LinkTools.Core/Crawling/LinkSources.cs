using System;
using System.Collections.Generic;

namespace LinkTools.Core.Crawling
{
    /// <summary>How an attribute's value holds its links.</summary>
    public enum LinkValueForm
    {
        /// <summary>One URL.</summary>
        Url,

        /// <summary>A srcset list of image candidates, each a URL.</summary>
        SrcSet,

        /// <summary>A meta refresh's content ("5; url=...").</summary>
        Refresh,

        /// <summary>CSS: url(...) and @import.</summary>
        Css,
    }

    /// <summary>When an element's attribute is a link at all.</summary>
    public enum LinkCondition
    {
        Always,

        /// <summary>&lt;link&gt;: unless every rel is a hint naming only an origin (dns-prefetch, preconnect).</summary>
        FetchedRel,

        /// <summary>&lt;meta&gt;: http-equiv="refresh".</summary>
        Refresh,

        /// <summary>&lt;input&gt;: type="image".</summary>
        ImageInput,

        /// <summary>Only in SVG (outside it the tree builder makes &lt;image&gt; an &lt;img&gt;).</summary>
        Svg,

        /// <summary>Only in SVG and only when the element has no href (the SVG 1.1 form, xlink:href).</summary>
        SvgWithoutHref,
    }

    /// <summary>One attribute the link scanner reads as a link: on which element, when, and what following it does.</summary>
    public sealed class LinkSource
    {
        internal LinkSource(string element, string attribute, LinkValueForm form, bool navigates, LinkCondition condition = LinkCondition.Always)
        {
            Element = element;
            Attribute = attribute;
            Form = form;
            Navigates = navigates;
            Condition = condition;
        }

        /// <summary>The element's name; "*" for an attribute read on every element.</summary>
        public string Element { get; }

        /// <summary>The attribute's name; "" for the element's text (&lt;style&gt;).</summary>
        public string Attribute { get; }

        public LinkValueForm Form { get; }

        /// <summary>Following it loads a document the crawl reads (a page), rather than a resource it only checks.</summary>
        public bool Navigates { get; }

        public LinkCondition Condition { get; }
    }

    /// <summary>Something a page names that is deliberately not read as a link, and why.</summary>
    public sealed class IgnoredLinkSource
    {
        internal IgnoredLinkSource(string element, string attribute, string why)
        {
            Element = element;
            Attribute = attribute;
            Why = why;
        }

        public string Element { get; }

        public string Attribute { get; }

        public string Why { get; }
    }

    /// <summary>
    /// The one list of what a page's links are, as browsers load them: the HTML link scanner reads exactly these, the
    /// README's table is checked against them, and anything else that reads pages (a crawl, a folder of files) shares it.
    /// </summary>
    public static class LinkSources
    {
        private static readonly LinkSource[] All =
        {
            new("a", "href", LinkValueForm.Url, navigates: true),
            new("a", "xlink:href", LinkValueForm.Url, navigates: true, LinkCondition.SvgWithoutHref),
            new("area", "href", LinkValueForm.Url, navigates: true),
            new("iframe", "src", LinkValueForm.Url, navigates: true),
            new("frame", "src", LinkValueForm.Url, navigates: true),
            new("meta", "content", LinkValueForm.Refresh, navigates: true, LinkCondition.Refresh),
            new("link", "href", LinkValueForm.Url, navigates: false, LinkCondition.FetchedRel),
            new("link", "imagesrcset", LinkValueForm.SrcSet, navigates: false, LinkCondition.FetchedRel),
            new("img", "src", LinkValueForm.Url, navigates: false),
            new("img", "srcset", LinkValueForm.SrcSet, navigates: false),
            new("source", "src", LinkValueForm.Url, navigates: false),
            new("source", "srcset", LinkValueForm.SrcSet, navigates: false),
            new("video", "src", LinkValueForm.Url, navigates: false),
            new("video", "poster", LinkValueForm.Url, navigates: false),
            new("audio", "src", LinkValueForm.Url, navigates: false),
            new("track", "src", LinkValueForm.Url, navigates: false),
            new("embed", "src", LinkValueForm.Url, navigates: false),
            new("object", "data", LinkValueForm.Url, navigates: false),
            new("input", "src", LinkValueForm.Url, navigates: false, LinkCondition.ImageInput),
            new("script", "src", LinkValueForm.Url, navigates: false),
            new("image", "href", LinkValueForm.Url, navigates: false, LinkCondition.Svg),
            new("image", "xlink:href", LinkValueForm.Url, navigates: false, LinkCondition.SvgWithoutHref),
            new("body", "background", LinkValueForm.Url, navigates: false),
            new("table", "background", LinkValueForm.Url, navigates: false),
            new("td", "background", LinkValueForm.Url, navigates: false),
            new("th", "background", LinkValueForm.Url, navigates: false),
            new("style", "", LinkValueForm.Css, navigates: false),
            new("*", "style", LinkValueForm.Css, navigates: false),
        };

        private static readonly IgnoredLinkSource[] Ignored =
        {
            new("link", "href (rel=dns-prefetch, preconnect)", "names an origin to warm up, not a resource"),
            new("form", "action", "a browser requests it only when the form is submitted, with the form's data"),
            new("button, input", "formaction", "as form action"),
            new("a, area", "ping", "a POST a browser sends on click, not a resource"),
            new("blockquote, q, del, ins", "cite", "a reference for scripts and readers; browsers never load it"),
            new("img", "longdesc", "obsolete; browsers never load it"),
            new("html", "manifest", "the application cache was removed from browsers"),
            new("object", "codebase, classid, archive", "obsolete plug-in attributes"),
            new("use (SVG)", "href", "names a symbol, mostly in the page itself (icon sprites)"),
            new("custom elements", "href, src", "mean nothing to a browser until a script makes them load something"),
            new("template", "(content)", "inert: browsers load nothing in it until a script uses it"),
            new("style, style attribute", "url(#id)", "names an element of the document (an SVG filter or mask), not a resource"),
        };

        // Lookup by name length, then name: the scanner asks once per start tag, so this must be cheap.
        private static readonly LinkSource[][][] ByLength = Index();

        /// <summary>Every element attribute (and CSS text) read as a link, in the order the README lists them.</summary>
        public static IReadOnlyList<LinkSource> Read => All;

        /// <summary>What is deliberately left unread, with the reason.</summary>
        public static IReadOnlyList<IgnoredLinkSource> NotRead => Ignored;

        /// <summary>Whether a link found in this element's attribute loads a document (see <see cref="LinkSource.Navigates"/>).</summary>
        public static bool Navigates(string element, string attribute)
        {
            foreach (var source in All)
            {
                if (source.Navigates && source.Element == element && source.Attribute == attribute) return true;
            }

            return false;
        }

        /// <summary>The sources on an element of this name (not the "*" ones), or null.</summary>
        internal static LinkSource[]? For(ReadOnlySpan<char> element)
        {
            if (element.Length >= ByLength.Length) return null;
            foreach (var sources in ByLength[element.Length])
            {
                if (HtmlLinkScanner.Is(element, sources[0].Element)) return sources;
            }

            return null;
        }

        private static LinkSource[][][] Index()
        {
            var byName = new Dictionary<string, List<LinkSource>>(StringComparer.Ordinal);
            var names = new List<string>();
            int longest = 0;
            foreach (var source in All)
            {
                if (source.Element == "*") continue;
                if (!byName.TryGetValue(source.Element, out var list))
                {
                    byName.Add(source.Element, list = new List<LinkSource>());
                    names.Add(source.Element);
                }

                list.Add(source);
                longest = Math.Max(longest, source.Element.Length);
            }

            var index = new LinkSource[longest + 1][][];
            for (int length = 0; length <= longest; length++)
            {
                index[length] = names.FindAll(n => n.Length == length).ConvertAll(n => byName[n].ToArray()).ToArray();
            }

            return index;
        }
    }
}
