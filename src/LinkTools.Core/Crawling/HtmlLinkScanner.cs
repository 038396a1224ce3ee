using System;
using System.Collections.Generic;
using AngleSharp.Common;
using AngleSharp.Html;
using AngleSharp.Html.Parser;
using AngleSharp.Html.Parser.Tokens.Struct;
using AngleSharp.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Reads a page's links, fragment targets and &lt;base href&gt; straight from AngleSharp's HTML tokenizer, without
    /// building a DOM: link checking needs tags and attributes, not a tree, and the tree builder cost more than half of a
    /// page's parse time and most of its allocations. The tokenizer is switched into the text modes the tree builder would
    /// choose (script, style, title, textarea, ...), so markup inside them is text, as in a browser (outside SVG and
    /// MathML, whose elements of those names hold markup, and which alone take CDATA sections); template content is
    /// skipped, as browsers do not load it.
    /// </summary>
    internal sealed class HtmlLinkScanner
    {
        private readonly List<RawLink> _links = new();
        private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
        private readonly AnchorText _anchor = new();
        private int _templateDepth;

        // The text of the open <style> element, or null; and the line it starts on.
        private System.Text.StringBuilder? _style;
        private int _styleLine;

        // Where the tree builder would be reading HTML and where SVG or MathML.
        private readonly ForeignContent _foreign = new();

        private HtmlLinkScanner()
        {
        }

        /// <summary>Links in document order, each with its raw attribute value, not yet resolved.</summary>
        public IReadOnlyList<RawLink> Links => _links;

        /// <summary>Every id, and every name of an &lt;a&gt;.</summary>
        public HashSet<string> Anchors => _anchors;

        /// <summary>The first &lt;base href&gt;, which applies to the whole page, links before it included.</summary>
        public string? BaseHref { get; private set; }

        public static HtmlLinkScanner Scan(string html)
        {
            var scanner = new HtmlLinkScanner();
            // Disposing the tokenizer returns its pooled buffers and releases the text it reads.
            using var tokenizer = new HtmlTokenizer(new TextSource(html), HtmlEntityProvider.Resolver)
            {
                SkipComments = true,
                SkipScriptText = true,
                SkipRawText = true,
                SkipRCDataText = true,
                SkipPlaintext = true,
                SkipCDATA = true,
                SkipProcessingInstructions = true,
            };

            while (true)
            {
                ref var token = ref tokenizer.GetStructToken();
                switch (token.Type)
                {
                    case HtmlTokenType.StartTag:
                        scanner.StartTag(ref token, tokenizer);
                        break;
                    case HtmlTokenType.EndTag:
                        scanner.EndTag(ref token, tokenizer);
                        break;
                    case HtmlTokenType.Character:
                        if (scanner._style != null) scanner._style.Append(token.Data.Memory.Span.ToString());
                        else if (scanner._anchor.IsOpen && scanner._templateDepth == 0) scanner._anchor.Append(token.Data.Memory.Span);
                        break;
                    case HtmlTokenType.EndOfFile:
                        if (scanner._style != null && scanner._templateDepth == 0) scanner.AddCss("style", "url()", scanner._style.ToString(), scanner._styleLine);
                        scanner.CloseAnchor();
                        return scanner;
                }
            }
        }

        private void StartTag(ref StructHtmlToken token, HtmlTokenizer tokenizer)
        {
            var name = token.Name.Memory.Span;
            var attributes = token.Attributes;
            bool inTemplate = _templateDepth > 0;
            bool html = _foreign.IsHtmlStartTag(name, attributes);
            if (html)
            {
                // In HTML a "/>" does not close <script/> or <title/>: what follows is still their text, as browsers read it.
                var mode = TextModeAfter(name);
                if (mode != HtmlParseMode.PCData) tokenizer.State = mode;
                _foreign.OpenHtml(name, attributes, token.IsSelfClosing);

                // The tree builder makes an <image> an <img>.
                if (Is(name, "image")) name = "img".AsSpan();
                if (Is(name, "template")) _templateDepth++;
            }
            else if (!token.IsSelfClosing)
            {
                _foreign.Push(name, attributes);
            }

            tokenizer.IsAcceptingCharacterData = !_foreign.InHtml;
            if (inTemplate) return;

            bool isAnchor = name.Length == 1 && name[0] == 'a';
            if (_anchor.IsOpen && !isAnchor && _anchor.EndsAtStart(name, closesItself: !html && token.IsSelfClosing)) CloseAnchor();
            if (Attribute(attributes, "id") is string id && id.Length > 0) _anchors.Add(id);
            if (isAnchor)
            {
                CloseAnchor();
                if (Attribute(attributes, "name") is string anchorName && anchorName.Length > 0) _anchors.Add(anchorName);
            }
            else if (Is(name, "base"))
            {
                if (BaseHref == null) BaseHref = Attribute(attributes, "href");
            }
            else if (Is(name, "img") && _anchor.IsOpen)
            {
                _anchor.NoteImage(Attribute(attributes, "alt"));
            }

            int anchorLink = -1;
            if (LinkSources.For(name) is LinkSource[] sources)
            {
                foreach (var source in sources)
                {
                    if (!Applies(source.Condition, html, attributes)) continue;
                    int added = AddFrom(source, Attribute(attributes, source.Attribute), ref token);
                    if (isAnchor && anchorLink < 0) anchorLink = added;
                }
            }

            if (Attribute(attributes, "style") is string style) AddCss(name.ToString(), "style", style, token.Position.Line);

            if (isAnchor)
            {
                if (anchorLink >= 0) _links[anchorLink].FallbackText = OwnText(attributes);
                _anchor.Open(anchorLink);

                // An SVG <a/> holds nothing.
                if (!html && token.IsSelfClosing) CloseAnchor();
            }
            else if (html && Is(name, "style") && !token.IsSelfClosing)
            {
                // The style sheet's text arrives as raw text, up to </style>.
                _style = new System.Text.StringBuilder();
                _styleLine = token.Position.Line;
                tokenizer.SkipRawText = false;
            }
        }

        /// <summary>Whether a source's condition holds for this tag.</summary>
        private static bool Applies(LinkCondition condition, bool html, StructAttributes attributes) => condition switch
        {
            LinkCondition.Always => true,
            LinkCondition.FetchedRel => !IsHintOnly(Attribute(attributes, "rel")),
            LinkCondition.Refresh => string.Equals(Attribute(attributes, "http-equiv")?.Trim(), "refresh", StringComparison.OrdinalIgnoreCase),
            LinkCondition.ImageInput => string.Equals(Attribute(attributes, "type")?.Trim(), "image", StringComparison.OrdinalIgnoreCase),
            LinkCondition.Svg => !html,
            LinkCondition.SvgWithoutHref => !html && Attribute(attributes, "href") == null,
            _ => false,
        };

        /// <summary>Records the links an attribute's value holds; returns the first one's index, or -1.</summary>
        private int AddFrom(LinkSource source, string? value, ref StructHtmlToken token)
        {
            switch (source.Form)
            {
                case LinkValueForm.SrcSet:
                    int first = -1;
                    foreach (var candidate in SrcSet.Parse(value))
                    {
                        int added = Add(source.Element, source.Attribute, candidate, ref token);
                        if (first < 0) first = added;
                    }

                    return first;
                case LinkValueForm.Refresh:
                    return Add(source.Element, source.Attribute, RefreshTarget(value), ref token);
                case LinkValueForm.Css:
                    // Only the style attribute comes here through an element; <style> text is read at its end tag.
                    return -1;
                default:
                    return Add(source.Element, source.Attribute, value, ref token);
            }
        }

        /// <summary>Records the url() and @import links of CSS text that starts on <paramref name="line"/>.</summary>
        private void AddCss(string element, string attribute, string css, int line)
        {
            if (css.IndexOf('(') < 0 && css.IndexOf('@') < 0) return;
            foreach (var link in CssLinkReader.Read(css))
            {
                string raw = StripUrlWhitespace(link.Url);
                if (raw.Length > 0) _links.Add(new RawLink(raw, element, link.IsImport ? "@import" : attribute, "", line + link.Line));
            }
        }

        private void EndTag(ref StructHtmlToken token, HtmlTokenizer tokenizer)
        {
            var name = token.Name.Memory.Span;
            bool html = _foreign.IsHtmlEndTag(name);
            tokenizer.IsAcceptingCharacterData = !_foreign.InHtml;
            if (_style != null)
            {
                // Raw text ends only at </style>.
                tokenizer.SkipRawText = true;
                if (_templateDepth == 0) AddCss("style", "url()", _style.ToString(), _styleLine);
                _style = null;
                return;
            }

            if (html && Is(name, "template"))
            {
                if (_templateDepth > 0) _templateDepth--;
            }
            else if (_templateDepth == 0 && _anchor.IsOpen && ((name.Length == 1 && name[0] == 'a') || _anchor.EndsAtEnd(name)))
            {
                CloseAnchor();
            }
        }

        /// <summary>Records a link; returns its index, or -1 when the attribute is missing or blank.</summary>
        private int Add(string element, string attribute, string? value, ref StructHtmlToken token)
        {
            if (value == null) return -1;
            string raw = StripUrlWhitespace(value);
            if (raw.Length == 0) return -1;

            // An <a>'s text arrives after its start tag (see CloseAnchor); other elements have none of their own, so
            // their alt or title stands for it.
            string text = element == "a" ? "" : OwnText(token.Attributes);
            _links.Add(new RawLink(raw, element, attribute, text, token.Position.Line));
            return _links.Count - 1;
        }

        /// <summary>Ends the open &lt;a&gt; (see <see cref="AnchorText"/>) and gives its link the text: its own, else its alt or title, else an image's alt.</summary>
        private void CloseAnchor()
        {
            if (!_anchor.IsOpen) return;
            int link = _anchor.Link;
            string? imageAlt = _anchor.ImageAlt;
            string text = _anchor.Close();
            if (link < 0) return;
            var raw = _links[link];
            if (string.IsNullOrWhiteSpace(text)) text = raw.FallbackText;
            if (string.IsNullOrWhiteSpace(text)) text = imageAlt ?? "";
            raw.Text = text;
        }

        /// <summary>The element's own alt, else its title: what stands for its text when it has none.</summary>
        private static string OwnText(StructAttributes attributes) => Attribute(attributes, "alt") ?? Attribute(attributes, "title") ?? "";

        /// <summary>The first attribute of that name (browsers ignore repeats), or null.</summary>
        internal static string? Attribute(StructAttributes attributes, string name)
        {
            for (int i = 0; i < attributes.Count; i++)
            {
                var attribute = attributes[i];
                if (Is(attribute.Name.Memory.Span, name)) return attribute.Value.ToString();
            }

            return null;
        }

        internal static bool Is(ReadOnlySpan<char> tokenName, string name) => tokenName.SequenceEqual(name.AsSpan());

        /// <summary>The tokenizer mode the tree builder switches to after this start tag (scripting off, as parsed here).</summary>
        private static HtmlParseMode TextModeAfter(ReadOnlySpan<char> name)
        {
            if (Is(name, "script")) return HtmlParseMode.Script;
            if (Is(name, "style") || Is(name, "xmp") || Is(name, "iframe") || Is(name, "noembed") || Is(name, "noframes")) return HtmlParseMode.Rawtext;
            if (Is(name, "title") || Is(name, "textarea")) return HtmlParseMode.RCData;
            if (Is(name, "plaintext")) return HtmlParseMode.Plaintext;
            return HtmlParseMode.PCData;
        }

        // dns-prefetch and preconnect name an origin to warm up, not a resource: there is nothing to check.
        private static bool IsHintOnly(string? rel)
        {
            string padded = " " + (rel ?? "").ToLowerInvariant() + " ";
            return padded.Contains(" dns-prefetch ") || padded.Contains(" preconnect ");
        }

        // Browsers drop leading and trailing spaces and every tab and newline from URL attributes.
        internal static string StripUrlWhitespace(string value)
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

        /// <summary>A link as written in the page, before it is resolved against the page's base.</summary>
        internal sealed class RawLink
        {
            public RawLink(string raw, string element, string attribute, string text, int line)
            {
                Raw = raw;
                Element = element;
                Attribute = attribute;
                Text = text;
                FallbackText = "";
                Line = line;
            }

            public string Raw { get; }

            public string Element { get; }

            public string Attribute { get; }

            /// <summary>The text as found (not yet collapsed); an &lt;a&gt;'s is filled in when it closes.</summary>
            public string Text { get; set; }

            /// <summary>An &lt;a&gt;'s own alt or title, used when it has no text.</summary>
            public string FallbackText { get; set; }

            public int Line { get; }
        }
    }
}
