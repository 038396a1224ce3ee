using System;
using System.Text.RegularExpressions;

namespace LinkTools.Core.Urls
{
    /// <summary>URLs as they may be shown: user info (user:password@) is never printed, nor a webhook's secret path.</summary>
    public static class UrlText
    {
        // The user info of an authority ("scheme://user:pass@"), up to its last '@', in text that may not parse.
        private static readonly Regex UserInfo = new Regex(@"^(\s*[A-Za-z][A-Za-z0-9+.\-]*://)[^/?#\\]*@", RegexOptions.CultureInvariant);

        public static string Redact(Uri uri)
        {
            if (!uri.IsAbsoluteUri) return uri.OriginalString;
            // Only an authority has user info: 'mailto:foo@bar.com' names a mailbox, which is shown as it is.
            if (string.IsNullOrEmpty(uri.UserInfo) || !HasAuthority(uri)) return uri.AbsoluteUri;
            var builder = new UriBuilder(uri) { UserName = "***", Password = "" };
            return builder.Uri.AbsoluteUri;
        }

        /// <summary>Redacts user info in text that may or may not parse as a URL.</summary>
        public static string Redact(string text)
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri)) return string.IsNullOrEmpty(uri.UserInfo) || !HasAuthority(uri) ? text : Redact(uri);
            return UserInfo.Replace(text, "$1***@");
        }

        /// <summary>
        /// A URL whose path and query are its secret (a Slack, Teams or other webhook): only the scheme, host and port
        /// are shown, "https://hooks.slack.com/…".
        /// </summary>
        public static string Secret(Uri uri) =>
            uri.IsAbsoluteUri ? uri.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/…" : Secret(uri.OriginalString);

        /// <summary>The same for text that may not parse: what precedes the first '/' after the scheme, then "/…".</summary>
        public static string Secret(string text)
        {
            string redacted = Redact(text);
            int scheme = redacted.IndexOf("://", StringComparison.Ordinal);
            int slash = redacted.IndexOfAny(new[] { '/', '?', '#' }, scheme < 0 ? 0 : scheme + 3);
            return slash < 0 ? redacted : redacted.Substring(0, slash) + "/…";
        }

        private static bool HasAuthority(Uri uri) =>
            string.CompareOrdinal(uri.AbsoluteUri, uri.Scheme.Length, "://", 0, 3) == 0;
    }
}
