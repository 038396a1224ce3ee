using System.Text;
using LinkTools.Core.Text;

namespace LinkTools.Core.Reporting
{
    /// <summary>Escaping for text that came from the web, per output format.</summary>
    internal static class ReportText
    {
        /// <summary>
        /// For XML and HTML: drops characters XML 1.0 cannot carry (control characters, lone surrogates) and neutralises
        /// pipeline commands line by line, keeping line breaks; XmlWriter and HtmlEncode escape the markup.
        /// </summary>
        public static string XmlSafe(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            text = ConsoleText.NeutralizeLines(text!);
            var builder = new StringBuilder(text!.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD))
                {
                    builder.Append(c);
                }
                else
                {
                    builder.Append('\uFFFD');
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// Markdown table-cell or inline text: no line breaks, Markdown and HTML syntax escaped, and pipeline commands
        /// neutralised because a Markdown report is printed to CI logs and job summaries.
        /// </summary>
        public static string Markdown(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var flat = ConsoleText.Neutralize(text!);
            var builder = new StringBuilder(flat.Length + 8);
            foreach (char c in flat)
            {
                switch (c)
                {
                    case '\\': case '`': case '*': case '_': case '{': case '}': case '[': case ']': case '(': case ')':
                    case '#': case '+': case '-': case '!': case '|': case '~': case '>': case '<': case '&':
                        builder.Append('\\').Append(c);
                        break;
                    default:
                        builder.Append(c);
                        break;
                }
            }

            return builder.ToString();
        }
    }
}
