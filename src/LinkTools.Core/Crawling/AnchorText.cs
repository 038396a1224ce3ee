using System;
using System.Collections.Generic;
using System.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The text of the open &lt;a&gt; as a tag stream delivers it. Whitespace is collapsed as it arrives (so indentation
    /// never crowds out the words), and the text ends where a browser's tree builder would end the element: at its end
    /// tag, at the next &lt;a&gt;, at the end tag of an element that was open around it (&lt;/td&gt;, &lt;/p&gt;, &lt;/li&gt;),
    /// or at a new table cell, row or list item that is not inside a table or list of its own.
    /// </summary>
    internal sealed class AnchorText
    {
        // Collapsed characters kept; the reported text is shorter still.
        private const int MaxChars = 200;

        // Elements opened inside the anchor are tracked this deep; deeper ones are only counted.
        private const int MaxNesting = 64;

        private readonly StringBuilder _text = new();
        private readonly List<string> _inside = new();
        private int _untracked;

        public bool IsOpen { get; private set; }

        /// <summary>The index of the anchor's link, or -1 when it has no href.</summary>
        public int Link { get; private set; } = -1;

        /// <summary>The alt of the first image inside that has one: the text when the anchor has none.</summary>
        public string? ImageAlt { get; private set; }

        public void Open(int link)
        {
            Reset();
            IsOpen = true;
            Link = link;
        }

        public void NoteImage(string? alt) => ImageAlt ??= alt;

        public void Append(ReadOnlySpan<char> data)
        {
            foreach (char c in data)
            {
                if (_text.Length >= MaxChars) return;
                if (!char.IsWhiteSpace(c)) _text.Append(c);
                else if (_text.Length > 0 && _text[_text.Length - 1] != ' ') _text.Append(' ');
            }
        }

        /// <summary>Whether this start tag ends the anchor; otherwise an element that can hold content is tracked as inside it.</summary>
        public bool EndsAtStart(ReadOnlySpan<char> name, bool closesItself)
        {
            if (IsTableRowOrCell(name) && !Inside("table")) return true;
            if (HtmlLinkScanner.Is(name, "li") && !Inside("ul") && !Inside("ol") && !Inside("menu")) return true;
            if (closesItself || IsVoid(name)) return false;
            if (_inside.Count < MaxNesting) _inside.Add(name.ToString());
            else _untracked++;
            return false;
        }

        /// <summary>Whether this end tag ends the anchor: it closes no element opened inside it, so it closes one around it.</summary>
        public bool EndsAtEnd(ReadOnlySpan<char> name)
        {
            if (IsVoid(name)) return false; // a stray </br> or </img> closes nothing
            if (_untracked > 0)
            {
                _untracked--;
                return false;
            }

            for (int i = _inside.Count - 1; i >= 0; i--)
            {
                if (HtmlLinkScanner.Is(name, _inside[i]))
                {
                    _inside.RemoveRange(i, _inside.Count - i);
                    return false;
                }
            }

            return true;
        }

        /// <summary>The text gathered (collapsed, possibly empty); the anchor is then closed.</summary>
        public string Close()
        {
            string text = _text.ToString().TrimEnd();
            Reset();
            return text;
        }

        private void Reset()
        {
            IsOpen = false;
            Link = -1;
            ImageAlt = null;
            _text.Clear();
            _inside.Clear();
            _untracked = 0;
        }

        private bool Inside(string name) => _inside.Contains(name);

        private static bool IsTableRowOrCell(ReadOnlySpan<char> name) =>
            HtmlLinkScanner.Is(name, "td") || HtmlLinkScanner.Is(name, "th") || HtmlLinkScanner.Is(name, "tr");

        private static bool IsVoid(ReadOnlySpan<char> name)
        {
            switch (name.Length)
            {
                case 2: return HtmlLinkScanner.Is(name, "br") || HtmlLinkScanner.Is(name, "hr");
                case 3: return HtmlLinkScanner.Is(name, "img") || HtmlLinkScanner.Is(name, "col") || HtmlLinkScanner.Is(name, "wbr");
                case 4: return HtmlLinkScanner.Is(name, "area") || HtmlLinkScanner.Is(name, "base") || HtmlLinkScanner.Is(name, "link") || HtmlLinkScanner.Is(name, "meta");
                case 5: return HtmlLinkScanner.Is(name, "embed") || HtmlLinkScanner.Is(name, "input") || HtmlLinkScanner.Is(name, "image") || HtmlLinkScanner.Is(name, "param") || HtmlLinkScanner.Is(name, "track");
                case 6: return HtmlLinkScanner.Is(name, "source") || HtmlLinkScanner.Is(name, "keygen");
                default: return false;
            }
        }
    }
}
