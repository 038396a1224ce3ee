using System;
using System.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The form of a URL used to decide "same target": scheme and host lower-cased, default port dropped, dot segments
    /// resolved (all done by <see cref="Uri"/>), percent-escapes upper-cased with unreserved characters decoded, and the
    /// fragment removed, because a fragment is never sent to the server.
    /// </summary>
    public static class UrlNormalizer
    {
        /// <summary>The URL to fetch for <paramref name="uri"/> (absolute http or https).</summary>
        public static Uri Normalize(Uri uri)
        {
            // Uri keeps an IDN host in Unicode, so "bücher.example" and "xn--bcher-kva.example" (one host, as browsers
            // serialize it) would be two targets: the mapped ASCII form is the one key.
            uri = Urls.HostMapping.Apply(uri);

            // Most links are already normal: Uri has lower-cased the scheme and host, dropped a default port and
            // resolved dot segments, so only escapes and the fragment can differ.
            string absolute = uri.AbsoluteUri;
            if (absolute.IndexOf('%') < 0 && absolute.IndexOf('#') < 0) return uri;

            // SchemeAndServer is lower-cased and leaves out a default port; Uri has already resolved dot segments.
            string origin = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.UserInfo, UriFormat.UriEscaped);
            string text = origin + NormalizeEscapes(uri.AbsolutePath) + NormalizeEscapes(uri.Query);
            return new Uri(text, UriKind.Absolute);
        }

        /// <summary>The key of the visited set: the normalized URL as text.</summary>
        public static string Key(Uri uri) => Normalize(uri).AbsoluteUri;

        /// <summary>The fragment without '#', as the URL has it (percent-encoded, not decoded), or "" when there is none.</summary>
        public static string FragmentOf(Uri uri)
        {
            string fragment = uri.Fragment;
            return fragment.Length <= 1 ? "" : fragment.Substring(1);
        }

        /// <summary>Percent-decodes as the URL standard does (bytes read as UTF-8); text that does not decode is kept as it is.</summary>
        public static string PercentDecode(string text)
        {
            if (text.IndexOf('%') < 0) return text;
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
        }

        internal static string NormalizeEscapes(string text)
        {
            if (text.IndexOf('%') < 0) return text;
            var result = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '%' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
                {
                    int value = Convert.ToInt32(text.Substring(i + 1, 2), 16);
                    if (IsUnreserved((char)value))
                    {
                        result.Append((char)value);
                    }
                    else
                    {
                        result.Append('%').Append(char.ToUpperInvariant(text[i + 1])).Append(char.ToUpperInvariant(text[i + 2]));
                    }

                    i += 2;
                    continue;
                }

                result.Append(c);
            }

            return result.ToString();
        }

        internal static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');

        private static bool IsUnreserved(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
