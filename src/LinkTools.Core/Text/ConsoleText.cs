using System;
using System.Text;

namespace LinkTools.Core.Text
{
    /// <summary>
    /// Makes text from the web safe to print or write: the Azure DevOps agent acts on "##vso[" anywhere in a line and on
    /// "##[" at its start, GitHub Actions on lines that start with "::" once leading whitespace is trimmed, and a
    /// terminal on escape sequences (colours, OSC 8 links, OSC 52 clipboard writes, screen clears), other C0 and C1
    /// controls, and bidi overrides that make text read differently from what it holds.
    /// </summary>
    public static class ConsoleText
    {
        /// <summary>One printable line: no commands, no control characters, line breaks as spaces.</summary>
        public static string Neutralize(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            text = NeutralizeLines(text);
            return text.IndexOf('\r') < 0 && text.IndexOf('\n') < 0 ? text : text.Replace("\r", "").Replace("\n", " ");
        }

        /// <summary>
        /// The same, keeping line breaks (and tabs): for reports and files whose cells may span lines. No line of the
        /// result, trimmed, starts with "::", and none holds "##vso[" or "##[".
        /// </summary>
        public static string NeutralizeLines(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            text = WithoutControls(text);
            if (text.IndexOf("##", StringComparison.Ordinal) >= 0)
            {
                text = text.Replace("##vso[", "#\u200B#vso[").Replace("##[", "#\u200B#[");
            }

            if (text.IndexOf("::", StringComparison.Ordinal) < 0) return text;
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                int start = 0;
                while (start < line.Length && char.IsWhiteSpace(line[start])) start++;
                if (string.CompareOrdinal(line, start, "::", 0, 2) == 0) lines[i] = line.Substring(0, start + 1) + "\u200B" + line.Substring(start + 1);
            }

            return string.Join("\n", lines);
        }

        /// <summary>
        /// C0 controls other than tab and line breaks, DEL, C1 controls and bidi embeddings, overrides and isolates,
        /// each replaced by U+FFFD, so what is printed is what the text holds.
        /// </summary>
        public static string WithoutControls(string text)
        {
            int first = -1;
            for (int i = 0; i < text.Length; i++)
            {
                if (IsUnsafe(text[i])) { first = i; break; }
            }

            if (first < 0) return text;
            var builder = new StringBuilder(text.Length);
            builder.Append(text, 0, first);
            for (int i = first; i < text.Length; i++)
            {
                builder.Append(IsUnsafe(text[i]) ? '\uFFFD' : text[i]);
            }

            return builder.ToString();
        }

        private static bool IsUnsafe(char c) =>
            (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F) ||
            c == '\u061C' || c == '\u200E' || c == '\u200F' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

        /// <summary>Control characters written as \uXXXX, so a message can quote what the user gave without acting on it.</summary>
        public static string EscapeControls(string text)
        {
            var shown = new StringBuilder(text.Length + 8);
            foreach (char c in text) AppendEscaped(shown, c);
            return shown.ToString();
        }

        /// <summary>Appends one character, a control character as \uXXXX.</summary>
        public static void AppendEscaped(StringBuilder shown, char c)
        {
            if (char.IsControl(c)) shown.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else shown.Append(c);
        }

        /// <summary>For JSON text: '#' escaped as \u0023 keeps the data intact while the agent sees no command.</summary>
        public static string NeutralizeJson(string json) =>
            json.IndexOf("##", StringComparison.Ordinal) >= 0 ? json.Replace("##", "\\u0023#") : json;
    }
}
