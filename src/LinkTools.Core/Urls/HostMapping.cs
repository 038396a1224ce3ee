using System;
using System.Globalization;
using System.Text;

namespace LinkTools.Core.Urls
{
    /// <summary>
    /// The one host a URL names, as UTS 46 maps it before any lookup or comparison: fullwidth and halfwidth forms to
    /// ASCII, the ideographic and fullwidth full stops to '.', lower case, then punycode. Written out here rather than
    /// left to Uri.IdnHost because that depends on the runtime's globalization data: with invariant globalization (the
    /// CLI) it punycodes 'ｅｘａｍｐｌｅ．ｃｏｍ' as it stands, and the module (ICU, NLS) maps it to 'example.com'.
    /// The private-address guard, the URL normalizer and both front ends decide on this host, the one the HTTP handler
    /// connects to.
    /// </summary>
    public static class HostMapping
    {
        private static readonly IdnMapping Idn = new IdnMapping();

        /// <summary><paramref name="uri"/> with its host mapped; the same instance when there is nothing to map.</summary>
        public static Uri Apply(Uri uri)
        {
            if (!uri.IsAbsoluteUri || uri.HostNameType != UriHostNameType.Dns) return uri;
            string host = uri.Host;
            if (IsAscii(host)) return uri;
            string mapped = Map(host);
            if (string.Equals(mapped, host, StringComparison.Ordinal)) return uri;

            // The authority is rebuilt as text so a mapped host that is an address ('0x7f。1') is read as one.
            string rest = uri.GetComponents(UriComponents.PathAndQuery | UriComponents.Fragment, UriFormat.UriEscaped);
            string userInfo = uri.UserInfo.Length > 0 ? uri.UserInfo + "@" : "";
            string port = uri.IsDefaultPort ? "" : ":" + uri.Port.ToString(CultureInfo.InvariantCulture);
            return Uri.TryCreate(uri.Scheme + "://" + userInfo + mapped + port + rest, UriKind.Absolute, out var result) ? result : uri;
        }

        /// <summary>The ASCII host for <paramref name="host"/>; the input unchanged when it is not a valid name.</summary>
        public static string Map(string host)
        {
            var text = new StringBuilder(host.Length);
            foreach (char c in host)
            {
                if (c == '\u3002' || c == '\uFF0E' || c == '\uFF61') text.Append('.');
                else if (c >= '\uFF01' && c <= '\uFF5E') text.Append((char)(c - 0xFEE0)); // fullwidth ASCII
                else text.Append(c);
            }

            string mapped = text.ToString().ToLowerInvariant();
            if (IsAscii(mapped)) return mapped;
            try
            {
                return Idn.GetAscii(mapped).ToLowerInvariant();
            }
            catch (ArgumentException)
            {
                return mapped;
            }
        }

        private static bool IsAscii(string text)
        {
            foreach (char c in text)
            {
                if (c > '\u007F') return false;
            }

            return true;
        }
    }
}
