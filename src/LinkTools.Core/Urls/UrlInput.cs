using System;

namespace LinkTools.Core.Urls
{
    /// <summary>Validates what a user typed or piped in as a URL to check.</summary>
    public static class UrlInput
    {
        /// <summary>Parses an absolute http or https URL; otherwise returns false and a sentence naming the input.</summary>
        public static bool TryParse(string? input, out Uri uri, out string error)
        {
            uri = null!;
            string text = input?.Trim() ?? "";
            if (text.Length == 0)
            {
                error = "The URL is empty.";
                return false;
            }

            int control = IndexOfControl(text);
            if (control >= 0)
            {
                // Uri would quietly percent-encode a stray tab, newline or escape; in typed or piped input it is a mistake
                // (or an attempt to smuggle terminal escapes), so it is refused and shown escaped.
                error = $"'{Shown(text)}' contains the control character U+{(int)text[control]:X4} at position {control + 1}.";
                return false;
            }

            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc && !text.Contains("://"))
            {
                error = LooksLikeHost(text)
                    ? $"'{Shown(text)}' is not an absolute URL. Did you mean 'https://{Shown(text)}'?"
                    : $"'{Shown(text)}' is not a valid absolute URL.";
                return false;
            }

            if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            {
                error = $"'{Shown(text)}' uses the unsupported scheme '{Shown(parsed.Scheme)}'; only http and https can be checked.";
                return false;
            }

            if (string.IsNullOrEmpty(parsed.Host))
            {
                error = $"'{Shown(text)}' has no host.";
                return false;
            }

            uri = parsed;
            error = "";
            return true;
        }

        private const int MaxShownLength = 200;

        /// <summary>
        /// The input as an error message may quote it: user info redacted, control characters escaped, and a very long
        /// input cut short with its length, so one bad line of 100 KB does not flood the console.
        /// </summary>
        private static string Shown(string text)
        {
            string redacted = UrlText.Redact(text);
            var shown = new System.Text.StringBuilder(Math.Min(redacted.Length, MaxShownLength) + 32);
            foreach (char c in redacted)
            {
                if (shown.Length >= MaxShownLength)
                {
                    shown.Append("... (").Append(redacted.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" characters)");
                    break;
                }

                LinkTools.Core.Text.ConsoleText.AppendEscaped(shown, c);
            }

            return shown.ToString();
        }

        private static int IndexOfControl(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (char.IsControl(text[i])) return i;
            }

            return -1;
        }

        private static bool LooksLikeHost(string text) =>
            text.IndexOf(' ') < 0 && text.IndexOf('.') > 0 && !text.Contains("://");
    }
}
