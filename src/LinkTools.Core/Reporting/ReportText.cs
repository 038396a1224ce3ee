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
            text = NoCommands(text!);
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

        /// <summary>Neutralises CI agent commands (##vso[, ::) on every line while keeping the line breaks.</summary>
        public static string NoCommands(string text)
        {
            if (text.IndexOf("##", System.StringComparison.Ordinal) < 0 && text.IndexOf("::", System.StringComparison.Ordinal) < 0) return text;
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                bool carriageReturn = lines[i].EndsWith("\r", System.StringComparison.Ordinal);
                lines[i] = ConsoleText.Neutralize(lines[i]) + (carriageReturn ? "\r" : "");
            }

            return string.Join("\n", lines);
        }

        /// <summary>
        /// Markdown table-cell or inline text: no line breaks, pipeline commands neutralised (a Markdown report is
        /// printed to CI logs and job summaries), and a backslash only before what Markdown or HTML would act on: emphasis,
        /// code, links, tables, tags and entities. Hyphens, dates, parentheses and words_with_underscores stay as written.
        /// </summary>
        public static string Markdown(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var flat = ConsoleText.Neutralize(text!);
            var builder = new StringBuilder(flat.Length + 8);
            for (int i = 0; i < flat.Length; i++)
            {
                char c = flat[i];
                bool escape;
                switch (c)
                {
                    case '\\': case '`': case '*': case '[': case ']': case '|': case '~': case '<': case '>': case '&':
                        escape = true;
                        break;
                    case '_':
                        // Inside a word an underscore never starts or ends emphasis.
                        escape = !(i > 0 && char.IsLetterOrDigit(flat[i - 1]) && i + 1 < flat.Length && char.IsLetterOrDigit(flat[i + 1]));
                        break;
                    case '(':
                        escape = i > 0 && flat[i - 1] == ']'; // only "](" makes a link
                        break;
                    case '!':
                        escape = i + 1 < flat.Length && flat[i + 1] == '['; // only "![" makes an image
                        break;
                    case '#': case '-': case '+':
                        escape = i == 0; // a heading or a list item only at the start
                        break;
                    default:
                        escape = false;
                        break;
                }

                if (escape) builder.Append('\\');
                builder.Append(c);
            }

            return builder.ToString();
        }

        /// <summary>
        /// A URL as a Markdown code span, copied as it is: nothing is backslash-escaped (a code span shows backslashes).
        /// What a URL may not hold raw is percent-encoded instead, as a browser would send it: spaces, control
        /// characters, quotes, angle brackets, braces, the backtick (it would end the span), the pipe (it would end the
        /// table cell), and square brackets outside the host.
        /// </summary>
        public static string MarkdownUrl(string? url)
        {
            if (string.IsNullOrEmpty(url)) return "";
            int scheme = url!.IndexOf("://", System.StringComparison.Ordinal);
            int hostEnd = scheme < 0 ? 0 : url.IndexOf('/', scheme + 3);
            if (hostEnd < 0) hostEnd = url.Length;
            var builder = new StringBuilder(url.Length + 8).Append('`');
            for (int i = 0; i < url.Length; i++)
            {
                char c = url[i];
                bool bracket = (c == '[' || c == ']') && i >= hostEnd;
                if (c <= ' ' || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '{' || c == '}' || c == '`' || c == '|' || c == '\\' || c == '^' || bracket)
                {
                    builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return ConsoleText.Neutralize(builder.Append('`').ToString());
        }
    }
}
