using System;
using System.Text;
using System.Text.RegularExpressions;

namespace LinkTools.Core.Text
{
    /// <summary>
    /// Turns a page's bytes into text: the charset comes from a byte order mark, then the Content-Type header, then a
    /// &lt;meta&gt; in the first 1024 bytes, then UTF-8. Also decides whether a response is HTML at all.
    /// </summary>
    public static class HtmlDecoding
    {
        private static readonly Regex MetaCharset = new(@"<meta[^>]+charset\s*=\s*[""']?\s*([A-Za-z0-9_\-:.]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        // .NET Core knows only the Unicode encodings, ASCII and Latin-1 until the code pages are registered; pages
        // still declare windows-1252 and Shift_JIS. Registering the same provider again is harmless.
        static HtmlDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

        public static string Decode(byte[] body, string? headerCharset) => Decode(body, headerCharset, out _);

        /// <summary>Decodes <paramref name="body"/> and says which encoding it was in (a page's links encode their query in it).</summary>
        public static string Decode(byte[] body, string? headerCharset, out Encoding encoding)
        {
            if (body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF) return Decode(Encoding.UTF8, body, 3, out encoding);
            if (body.Length >= 2 && body[0] == 0xFF && body[1] == 0xFE) return Decode(Encoding.Unicode, body, 2, out encoding);
            if (body.Length >= 2 && body[0] == 0xFE && body[1] == 0xFF) return Decode(Encoding.BigEndianUnicode, body, 2, out encoding);

            return Decode(EncodingFor(headerCharset) ?? EncodingFor(Prescan(body)) ?? Encoding.UTF8, body, 0, out encoding);
        }

        private static string Decode(Encoding chosen, byte[] body, int start, out Encoding encoding)
        {
            encoding = chosen;
            return chosen.GetString(body, start, body.Length - start);
        }

        // The MIME Sniffing standard's HTML patterns ("identifying a resource with an unknown MIME type"): after leading
        // whitespace, one of these (any case), then a space or '>'.
        private static readonly string[] HtmlPatterns =
        {
            "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table", "<a", "<style", "<title", "<b",
            "<body", "<br", "<p", "<!--",
        };

        /// <summary>
        /// HTML as a browser decides it (the MIME Sniffing standard): by its declared type; only a response with no type,
        /// or an unknown one (unknown/unknown, application/unknown, */*), is sniffed, and then it is HTML when it starts
        /// with one of the standard's HTML tags. Every other declared type is never HTML: a browser shows text/plain as
        /// text and downloads application/octet-stream, so links in them are not links.
        /// </summary>
        public static bool IsHtml(string? contentType, byte[]? body)
        {
            string type = (contentType ?? "").Trim().ToLowerInvariant();
            if (type == "text/html" || type == "application/xhtml+xml") return true;
            if (body == null || (type.Length > 0 && type != "unknown/unknown" && type != "application/unknown" && type != "*/*")) return false;
            return LooksLikeHtml(body);
        }

        /// <summary>A style sheet, as a browser takes one: by its declared type alone.</summary>
        public static bool IsStylesheet(string? contentType) => string.Equals((contentType ?? "").Trim(), "text/css", StringComparison.OrdinalIgnoreCase);

        private static bool LooksLikeHtml(byte[] body)
        {
            int i = 0;
            while (i < body.Length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n' || body[i] == '\f')) i++;
            foreach (var pattern in HtmlPatterns)
            {
                if (i + pattern.Length >= body.Length) continue;
                bool match = true;
                for (int k = 0; k < pattern.Length && match; k++)
                {
                    match = char.ToLowerInvariant((char)body[i + k]) == pattern[k];
                }

                byte end = body[i + pattern.Length];
                if (match && (end == ' ' || end == '>')) return true;
            }

            return false;
        }

        private static string? Prescan(byte[] body)
        {
            var match = MetaCharset.Match(Encoding.ASCII.GetString(body, 0, Math.Min(body.Length, 1024)));
            return match.Success ? match.Groups[1].Value : null;
        }

        private static Encoding? EncodingFor(string? charset)
        {
            if (string.IsNullOrWhiteSpace(charset)) return null;
            string name = charset!.Trim().Trim('"', '\'');
            try
            {
                return Encoding.GetEncoding(name);
            }
            catch (ArgumentException)
            {
                // Code pages absent from this runtime: Latin-1 keeps every byte, so URLs (ASCII) still come through.
                return name.StartsWith("windows-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("iso-8859", StringComparison.OrdinalIgnoreCase)
                    ? Encoding.GetEncoding("iso-8859-1")
                    : null;
            }
        }
    }
}
