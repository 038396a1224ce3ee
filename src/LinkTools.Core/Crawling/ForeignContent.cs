using System;
using AngleSharp.Html.Parser.Tokens.Struct;
using static LinkTools.Core.Crawling.HtmlLinkScanner;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Follows SVG and MathML through a tag stream the way the HTML tree builder does, without building a tree: whether a
    /// tag is read as HTML (so &lt;script&gt; or &lt;title&gt; switch the tokenizer to text) or as foreign content (where
    /// "/&gt;" closes, those names hold markup and CDATA sections are text).
    /// </summary>
    internal sealed class ForeignContent
    {
        // An end tag in SVG or MathML is matched against at most this many of the innermost open elements, so that a page
        // of stray end tags inside deep SVG stays linear; real markup closes the innermost element or one a few levels out.
        private const int MaxForeignSearch = 64;

        // The open SVG and MathML elements, innermost last. Inside them <script>, <style> and <title> are ordinary
        // elements, "/>" closes them and CDATA sections are text; HTML resumes inside their integration points
        // (foreignObject, desc, title; mi, mo, mn, ms, mtext, annotation-xml for HTML) and after tags such as <p> or <div>.
        private ForeignElement[] _foreign = new ForeignElement[8];
        private int _foreignCount;

        /// <summary>True where the tree builder would insert an HTML element (and the tokenizer rejects CDATA).</summary>
        public bool InHtml => _foreignCount == 0 || _foreign[_foreignCount - 1].HoldsHtml;

        /// <summary>
        /// Whether the tree builder reads this start tag as HTML: outside SVG and MathML, inside their integration points,
        /// or as one of the HTML tags that close the open SVG or MathML elements.
        /// </summary>
        public bool IsHtmlStartTag(ReadOnlySpan<char> name, StructAttributes attributes)
        {
            while (true)
            {
                if (InHtml) return true;
                ref var current = ref _foreign[_foreignCount - 1];
                if (current.Kind == ForeignKind.HtmlIntegrationPoint ||
                    (current.Kind == ForeignKind.MathTextIntegrationPoint && !Is(name, "mglyph") && !Is(name, "malignmark")))
                {
                    current.HoldsHtml = true;
                    return true;
                }

                if (current.Kind == ForeignKind.AnnotationXml && Is(name, "svg")) return false;
                if (!BreaksOutOfForeignContent(name, attributes)) return false;
                PopForeignToHtml();
            }
        }

        /// <summary>
        /// Closes the SVG or MathML elements an end tag closes; true when the end tag is then the tree builder's HTML
        /// business (it closes an HTML element, a template or an &lt;a&gt;).
        /// </summary>
        public bool IsHtmlEndTag(ReadOnlySpan<char> name)
        {
            if (InHtml)
            {
                if (_foreignCount > 0 && Is(name, _foreign[_foreignCount - 1].Name))
                {
                    ref var current = ref _foreign[_foreignCount - 1];
                    if (current.SameNameOpen > 0) current.SameNameOpen--;
                    else _foreignCount--;
                }

                return true;
            }

            if (Is(name, "p") || Is(name, "br"))
            {
                PopForeignToHtml();
                return true;
            }

            for (int i = _foreignCount - 1; i >= 0 && i >= _foreignCount - MaxForeignSearch && !_foreign[i].HoldsHtml; i--)
            {
                if (Is(name, _foreign[i].Name))
                {
                    _foreignCount = i;
                    return false;
                }
            }

            // No open SVG or MathML element of that name: an end tag such as </div> closes the HTML element around a
            // <svg> left open, and the <svg> with it.
            if (ClosesHtmlAroundForeignContent(name)) PopForeignToHtml();
            return true;
        }

        public void Push(ReadOnlySpan<char> name, StructAttributes attributes)
        {
            bool svg;
            if (InHtml) svg = Is(name, "svg");
            else if (_foreign[_foreignCount - 1].Kind == ForeignKind.AnnotationXml && Is(name, "svg")) svg = true;
            else svg = _foreign[_foreignCount - 1].IsSvg;

            var kind = ForeignKind.Other;
            if (svg)
            {
                if (Is(name, "foreignobject") || Is(name, "desc") || Is(name, "title")) kind = ForeignKind.HtmlIntegrationPoint;
            }
            else if (Is(name, "mi") || Is(name, "mo") || Is(name, "mn") || Is(name, "ms") || Is(name, "mtext"))
            {
                kind = ForeignKind.MathTextIntegrationPoint;
            }
            else if (Is(name, "annotation-xml"))
            {
                string encoding = (Attribute(attributes, "encoding") ?? "").ToLowerInvariant();
                kind = encoding == "text/html" || encoding == "application/xhtml+xml" ? ForeignKind.HtmlIntegrationPoint : ForeignKind.AnnotationXml;
            }

            if (_foreignCount == _foreign.Length) Array.Resize(ref _foreign, _foreign.Length * 2);
            _foreign[_foreignCount++] = new ForeignElement(name.ToString(), svg, kind);
        }

        /// <summary>Pops SVG and MathML elements until HTML is read again: up to an integration point, or out of them all.</summary>
        private void PopForeignToHtml()
        {
            while (_foreignCount > 0)
            {
                ref var current = ref _foreign[_foreignCount - 1];
                if (current.HoldsHtml || current.Kind == ForeignKind.HtmlIntegrationPoint || current.Kind == ForeignKind.MathTextIntegrationPoint) return;
                _foreignCount--;
            }
        }

        // The HTML start tags that end SVG and MathML content (a <font> only with color, face or size).
        private static bool BreaksOutOfForeignContent(ReadOnlySpan<char> name, StructAttributes attributes)
        {
            switch (name.Length)
            {
                case 1:
                    return name[0] == 'b' || name[0] == 'i' || name[0] == 'p' || name[0] == 's' || name[0] == 'u';
                case 2:
                    if (name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return true;
                    return Is(name, "br") || Is(name, "dd") || Is(name, "dl") || Is(name, "dt") || Is(name, "em") || Is(name, "hr") ||
                           Is(name, "li") || Is(name, "ol") || Is(name, "tt") || Is(name, "ul");
                case 4 when Is(name, "font"):
                    return Attribute(attributes, "color") != null || Attribute(attributes, "face") != null || Attribute(attributes, "size") != null;
                default:
                    return Is(name, "big") || Is(name, "blockquote") || Is(name, "body") || Is(name, "center") || Is(name, "code") ||
                           Is(name, "div") || Is(name, "embed") || Is(name, "head") || Is(name, "img") || Is(name, "listing") ||
                           Is(name, "menu") || Is(name, "meta") || Is(name, "nobr") || Is(name, "pre") || Is(name, "ruby") ||
                           Is(name, "small") || Is(name, "span") || Is(name, "strong") || Is(name, "strike") || Is(name, "sub") ||
                           Is(name, "sup") || Is(name, "table") || Is(name, "var");
            }
        }

        // End tags of the HTML containers a <svg> or <math> sits in; a stray end tag of another name leaves SVG and MathML
        // content open, as it does in a browser, where only an open element of that name would close it.
        private static bool ClosesHtmlAroundForeignContent(ReadOnlySpan<char> name) =>
            Is(name, "a") || Is(name, "div") || Is(name, "span") || Is(name, "li") || Is(name, "td") || Is(name, "th") ||
            Is(name, "tr") || Is(name, "table") || Is(name, "button") || Is(name, "label") || Is(name, "section") ||
            Is(name, "article") || Is(name, "header") || Is(name, "footer") || Is(name, "nav") || Is(name, "main") ||
            Is(name, "aside") || Is(name, "figure") || Is(name, "form") || Is(name, "body") || Is(name, "html") || Is(name, "template");

        /// <summary>Records an HTML start tag: an &lt;svg&gt; or &lt;math&gt; opens foreign content.</summary>
        public void OpenHtml(ReadOnlySpan<char> name, StructAttributes attributes, bool selfClosing)
        {
            if ((Is(name, "svg") || Is(name, "math")) && !selfClosing) Push(name, attributes);
            else if (_foreignCount > 0 && Is(name, _foreign[_foreignCount - 1].Name)) _foreign[_foreignCount - 1].SameNameOpen++;
        }

        private enum ForeignKind : byte
        {
            Other,
            HtmlIntegrationPoint,
            MathTextIntegrationPoint,
            AnnotationXml,
        }

        private struct ForeignElement
        {
            public ForeignElement(string name, bool isSvg, ForeignKind kind)
            {
                Name = name;
                IsSvg = isSvg;
                Kind = kind;
                HoldsHtml = false;
                SameNameOpen = 0;
            }

            public string Name { get; }

            public bool IsSvg { get; }

            public ForeignKind Kind { get; }

            /// <summary>An integration point that HTML elements have been opened in: HTML is read until it closes.</summary>
            public bool HoldsHtml { get; set; }

            /// <summary>HTML elements of the same name open inside it (an HTML &lt;title&gt; in an SVG &lt;title&gt;).</summary>
            public int SameNameOpen { get; set; }
        }
    }
}
