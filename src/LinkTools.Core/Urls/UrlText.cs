using System;

namespace LinkTools.Core.Urls
{
    /// <summary>URLs as they may be shown: user info (user:password@) is never printed.</summary>
    public static class UrlText
    {
        public static string Redact(Uri uri)
        {
            if (!uri.IsAbsoluteUri || string.IsNullOrEmpty(uri.UserInfo)) return uri.IsAbsoluteUri ? uri.AbsoluteUri : uri.OriginalString;
            var builder = new UriBuilder(uri) { UserName = "***", Password = "" };
            return builder.Uri.AbsoluteUri;
        }

        /// <summary>Redacts user info in text that may or may not parse as a URL.</summary>
        public static string Redact(string text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && !string.IsNullOrEmpty(uri.UserInfo)) return Redact(uri);
            return text;
        }
    }
}
