namespace LinkTools.Core.Text
{
    /// <summary>
    /// Makes text from the web safe to print on a CI agent: the Azure DevOps agent acts on "##vso[" anywhere in a
    /// line and on "##[" at its start, and GitHub Actions on lines starting with "::".
    /// </summary>
    public static class ConsoleText
    {
        public static string Neutralize(string text)
        {
            if (string.IsNullOrEmpty(text)) return text;
            if (text.IndexOf("##", System.StringComparison.Ordinal) >= 0)
            {
                text = text.Replace("##vso[", "#\u200B#vso[").Replace("##[", "#\u200B#[");
            }

            if (text.IndexOf("::", System.StringComparison.Ordinal) >= 0)
            {
                var lines = text.Split('\n');
                for (int i = 0; i < lines.Length; i++)
                {
                    if (lines[i].TrimStart().StartsWith("::", System.StringComparison.Ordinal)) lines[i] = " " + lines[i];
                }

                text = string.Join("\n", lines);
            }

            return text.Replace("\r", "").Replace("\n", " ");
        }

        /// <summary>Control characters written as \uXXXX, so a message can quote what the user gave without acting on it.</summary>
        public static string EscapeControls(string text)
        {
            var shown = new System.Text.StringBuilder(text.Length + 8);
            foreach (char c in text) AppendEscaped(shown, c);
            return shown.ToString();
        }

        /// <summary>Appends one character, a control character as \uXXXX.</summary>
        public static void AppendEscaped(System.Text.StringBuilder shown, char c)
        {
            if (char.IsControl(c)) shown.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            else shown.Append(c);
        }

        /// <summary>For JSON text: '#' escaped as \u0023 keeps the data intact while the agent sees no command.</summary>
        public static string NeutralizeJson(string json) =>
            json.IndexOf("##", System.StringComparison.Ordinal) >= 0 ? json.Replace("##", "\\u0023#") : json;
    }
}
