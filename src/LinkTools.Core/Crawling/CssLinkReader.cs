using System;
using System.Collections.Generic;
using System.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>A URL named by CSS: on which line of the text (0 for the first) and whether it is an @import (a style sheet).</summary>
    internal readonly struct CssLink
    {
        public CssLink(string url, bool import, int line)
        {
            Url = url;
            IsImport = import;
            Line = line;
        }

        public string Url { get; }

        public bool IsImport { get; }

        public int Line { get; }
    }

    /// <summary>
    /// Reads the URLs out of CSS text (a stylesheet, a &lt;style&gt; element, a style attribute): url(...) in either form,
    /// the strings of @import and of image-set(). Only as much of the CSS Syntax tokenizer as finding them needs:
    /// comments, strings, escapes, identifiers (so "myurl(" is not "url("), url tokens and bad url tokens, which it
    /// follows exactly; everything else is skipped a character at a time, since no other token holds a URL.
    /// </summary>
    internal static class CssLinkReader
    {
        public static List<CssLink> Read(string css)
        {
            var links = new List<CssLink>();
            var lines = new LineCounter(css);
            bool afterImport = false;
            int imageSetDepth = 0;
            int depth = 0;
            int i = 0;
            while (i < css.Length)
            {
                char c = css[i];
                if (c == '/' && i + 1 < css.Length && css[i + 1] == '*')
                {
                    int end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = end < 0 ? css.Length : end + 2;
                }
                else if (c == '"' || c == '\'')
                {
                    int start = i;
                    string? value = ReadString(css, ref i);
                    if (value != null && (afterImport || (imageSetDepth > 0 && depth == imageSetDepth))) Add(links, value, afterImport, lines.At(start));
                    afterImport = false;
                }
                else if (c == '@' && StartsIdentifier(css, i + 1))
                {
                    i++;
                    afterImport = string.Equals(ReadName(css, ref i), "import", StringComparison.OrdinalIgnoreCase);
                }
                else if (StartsIdentifier(css, i))
                {
                    int start = i;
                    string name = ReadName(css, ref i);
                    if (i < css.Length && css[i] == '(')
                    {
                        i++;
                        if (string.Equals(name, "url", StringComparison.OrdinalIgnoreCase))
                        {
                            int quote = SkipWhitespace(css, i);
                            if (quote < css.Length && (css[quote] == '"' || css[quote] == '\''))
                            {
                                // url( "x" ) is a function whose argument is a string.
                                i = quote;
                                string? value = ReadString(css, ref i);
                                if (value != null) Add(links, value, afterImport, lines.At(start));
                                depth++;
                            }
                            else
                            {
                                string? value = ReadUrlToken(css, ref i);
                                if (value != null) Add(links, value, afterImport, lines.At(start));
                            }

                            afterImport = false;
                        }
                        else
                        {
                            depth++;
                            if (imageSetDepth == 0 && (string.Equals(name, "image-set", StringComparison.OrdinalIgnoreCase) ||
                                                       string.Equals(name, "-webkit-image-set", StringComparison.OrdinalIgnoreCase)))
                            {
                                imageSetDepth = depth;
                            }
                        }
                    }
                }
                else
                {
                    if (c == '(') depth++;
                    else if (c == ')' && depth > 0)
                    {
                        if (depth == imageSetDepth) imageSetDepth = 0;
                        depth--;
                    }
                    else if (c == ';' || c == '{' || c == '}')
                    {
                        afterImport = false;
                    }
                    else if (c == '\\')
                    {
                        // A stray escape (not starting an identifier): the escaped character is not itself read.
                        i++;
                    }

                    i++;
                }
            }

            return links;
        }

        private static void Add(List<CssLink> links, string value, bool import, int line)
        {
            // url("") names nothing; url(#f) names an element of the document using the sheet (an SVG filter), not a resource.
            string url = value.Trim(' ', '\t', '\n', '\r', '\f');
            if (url.Length == 0 || url[0] == '#') return;
            links.Add(new CssLink(url, import, line));
        }

        /// <summary>Line numbers of offsets met in increasing order, counted once through the text.</summary>
        private struct LineCounter
        {
            private readonly string _text;
            private int _offset;
            private int _line;

            public LineCounter(string text)
            {
                _text = text;
                _offset = 0;
                _line = 0;
            }

            public int At(int offset)
            {
                for (; _offset < offset; _offset++)
                {
                    if (_text[_offset] == '\n') _line++;
                }

                return _line;
            }
        }

        /// <summary>A string token from its opening quote; null for a bad string (a raw newline), which names nothing.</summary>
        private static string? ReadString(string css, ref int i)
        {
            char quote = css[i++];
            var value = new StringBuilder();
            while (i < css.Length)
            {
                char c = css[i];
                if (c == quote)
                {
                    i++;
                    return value.ToString();
                }

                if (c == '\n' || c == '\r' || c == '\f') return null;
                if (c == '\\')
                {
                    if (i + 1 >= css.Length)
                    {
                        i++;
                        continue;
                    }

                    char next = css[i + 1];
                    if (next == '\n' || next == '\f')
                    {
                        i += 2;
                        continue;
                    }

                    if (next == '\r')
                    {
                        i += i + 2 < css.Length && css[i + 2] == '\n' ? 3 : 2;
                        continue;
                    }

                    i++;
                    AppendEscape(css, ref i, value);
                    continue;
                }

                value.Append(c);
                i++;
            }

            // A string cut off by the end of the text still counts, as the tokenizer reads it.
            return value.ToString();
        }

        /// <summary>
        /// The rest of an unquoted url( ... ) token, i just after the "(": whitespace around the URL is dropped; a quote,
        /// "(", a control character or whitespace inside it makes a bad url, read to its ")" and naming nothing.
        /// </summary>
        private static string? ReadUrlToken(string css, ref int i)
        {
            i = SkipWhitespace(css, i);
            var value = new StringBuilder();
            while (i < css.Length)
            {
                char c = css[i];
                if (c == ')')
                {
                    i++;
                    return value.ToString();
                }

                if (IsWhitespace(c))
                {
                    i = SkipWhitespace(css, i);
                    if (i >= css.Length) return value.ToString();
                    if (css[i] == ')')
                    {
                        i++;
                        return value.ToString();
                    }

                    SkipBadUrl(css, ref i);
                    return null;
                }

                if (c == '"' || c == '\'' || c == '(' || IsNonPrintable(c))
                {
                    SkipBadUrl(css, ref i);
                    return null;
                }

                if (c == '\\')
                {
                    if (i + 1 < css.Length && css[i + 1] != '\n' && css[i + 1] != '\r' && css[i + 1] != '\f')
                    {
                        i++;
                        AppendEscape(css, ref i, value);
                        continue;
                    }

                    SkipBadUrl(css, ref i);
                    return null;
                }

                value.Append(c);
                i++;
            }

            return value.ToString();
        }

        private static void SkipBadUrl(string css, ref int i)
        {
            while (i < css.Length)
            {
                char c = css[i++];
                if (c == ')') return;
                if (c == '\\' && i < css.Length) i++;
            }
        }

        /// <summary>An identifier's name with its escapes applied; i at its first character, left after it.</summary>
        private static string ReadName(string css, ref int i)
        {
            var name = new StringBuilder();
            while (i < css.Length)
            {
                char c = css[i];
                if (IsNameChar(c))
                {
                    name.Append(c);
                    i++;
                }
                else if (IsValidEscape(css, i))
                {
                    i++;
                    AppendEscape(css, ref i, name);
                }
                else
                {
                    break;
                }
            }

            return name.ToString();
        }

        /// <summary>Consumes an escape whose backslash is already read: up to six hex digits and one whitespace, or one character.</summary>
        private static void AppendEscape(string css, ref int i, StringBuilder to)
        {
            if (i >= css.Length)
            {
                to.Append('\uFFFD');
                return;
            }

            int digits = 0;
            int value = 0;
            while (digits < 6 && i < css.Length && UrlNormalizer.IsHex(css[i]))
            {
                value = (value * 16) + Convert.ToInt32(css[i].ToString(), 16);
                digits++;
                i++;
            }

            if (digits == 0)
            {
                to.Append(css[i++]);
                return;
            }

            if (i < css.Length && IsWhitespace(css[i]))
            {
                i += css[i] == '\r' && i + 1 < css.Length && css[i + 1] == '\n' ? 2 : 1;
            }

            if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) to.Append('\uFFFD');
            else to.Append(char.ConvertFromUtf32(value));
        }

        private static bool StartsIdentifier(string css, int i)
        {
            if (i >= css.Length) return false;
            char c = css[i];
            if (c == '-')
            {
                if (i + 1 >= css.Length) return false;
                char next = css[i + 1];
                return IsNameStart(next) || next == '-' || IsValidEscape(css, i + 1);
            }

            return IsNameStart(c) || IsValidEscape(css, i);
        }

        private static bool IsValidEscape(string css, int i) =>
            i + 1 < css.Length && css[i] == '\\' && css[i + 1] != '\n' && css[i + 1] != '\r' && css[i + 1] != '\f';

        private static bool IsNameStart(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;

        private static bool IsNameChar(char c) => IsNameStart(c) || (c >= '0' && c <= '9') || c == '-';

        private static bool IsWhitespace(char c) => c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';

        private static bool IsNonPrintable(char c) => c <= 0x08 || c == 0x0B || (c >= 0x0E && c <= 0x1F) || c == 0x7F;

        private static int SkipWhitespace(string css, int i)
        {
            while (i < css.Length && IsWhitespace(css[i])) i++;
            return i;
        }
    }
}
