using System;
using System.Globalization;
using System.Text;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Encodes the non-ASCII characters of a link's query the way browsers do on a page that is not UTF-8: as the
    /// page's encoding's bytes, percent-encoded (the path is always UTF-8, which <see cref="Uri"/> does by itself).
    /// A character the encoding cannot hold becomes "&amp;#N;", percent-encoded, as browsers send it.
    /// </summary>
    internal static class QueryEncoding
    {
        /// <summary><paramref name="reference"/> with its query's non-ASCII characters encoded in <paramref name="encoding"/>; unchanged when there are none or the page is Unicode.</summary>
        public static string Apply(string reference, Encoding encoding)
        {
            // UTF-16 pages still submit UTF-8, so every Unicode page leaves the work to Uri.
            if (encoding.CodePage == Encoding.UTF8.CodePage || encoding is UnicodeEncoding || encoding is UTF32Encoding) return reference;
            int query = reference.IndexOf('?');
            if (query < 0) return reference;
            int fragment = reference.IndexOf('#', query);
            int end = fragment < 0 ? reference.Length : fragment;
            if (!HasNonAscii(reference, query, end)) return reference;

            var builder = new StringBuilder(reference.Length * 3);
            builder.Append(reference, 0, query);
            for (int i = query; i < end; i++)
            {
                char c = reference[i];
                if (c < 0x80)
                {
                    builder.Append(c);
                    continue;
                }

                int length = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(reference[i + 1]) ? 2 : 1;
                AppendEncoded(builder, reference.Substring(i, length), encoding);
                i += length - 1;
            }

            builder.Append(reference, end, reference.Length - end);
            return builder.ToString();
        }

        private static bool HasNonAscii(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                if (text[i] >= 0x80) return true;
            }

            return false;
        }

        private static void AppendEncoded(StringBuilder builder, string character, Encoding encoding)
        {
            byte[] bytes = encoding.GetBytes(character);
            if (encoding.GetString(bytes) != character)
            {
                // Not in the page's encoding: browsers send an HTML character reference instead.
                int codePoint = char.ConvertToUtf32(character, 0);
                builder.Append("%26%23").Append(codePoint.ToString(CultureInfo.InvariantCulture)).Append("%3B");
                return;
            }

            foreach (byte b in bytes) builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
    }
}
