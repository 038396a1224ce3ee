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

            if (!Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.IsFile || parsed.IsUnc && !text.Contains("://"))
            {
                error = LooksLikeHost(text)
                    ? $"'{UrlText.Redact(text)}' is not an absolute URL. Did you mean 'https://{text}'?"
                    : $"'{UrlText.Redact(text)}' is not a valid absolute URL.";
                return false;
            }

            if (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            {
                error = $"'{UrlText.Redact(parsed)}' uses the unsupported scheme '{parsed.Scheme}'; only http and https can be checked.";
                return false;
            }

            if (string.IsNullOrEmpty(parsed.Host))
            {
                error = $"'{UrlText.Redact(text)}' has no host.";
                return false;
            }

            uri = parsed;
            error = "";
            return true;
        }

        private static bool LooksLikeHost(string text) =>
            text.IndexOf(' ') < 0 && text.IndexOf('.') > 0 && !text.Contains("://");
    }
}
