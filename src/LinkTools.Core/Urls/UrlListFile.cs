using System;
using System.Collections.Generic;
using System.IO;

namespace LinkTools.Core.Urls
{
    /// <summary>Reads a text file of URLs, one a line; blank lines and lines starting with # are ignored.</summary>
    public static class UrlListFile
    {
        /// <summary>Checks the file can be opened, then streams its URLs lazily so a huge list never sits in memory.</summary>
        public static bool TryRead(string path, out IEnumerable<string> urls, out Exception error)
        {
            urls = Array.Empty<string>();
            error = null!;
            try
            {
                using (File.OpenRead(path))
                {
                }
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                error = new IOException($"Cannot read the URL list '{path}': {ex.Message}", ex);
                return false;
            }

            urls = ReadLines(path);
            return true;
        }

        /// <summary>
        /// The URLs of a list, whatever it comes from (a file, standard input, a site list without a Url column):
        /// each line trimmed; blank lines and lines starting with # left out.
        /// </summary>
        public static IEnumerable<string> Urls(TextReader reader)
        {
            while (reader.ReadLine() is string line)
            {
                if (UrlOf(line) is string url) yield return url;
            }
        }

        /// <summary>
        /// The URL on one line of a list, trimmed; null for a blank line or a # comment. The one rule for every list
        /// read line by line: a file, standard input, or lines piped in from Get-Content.
        /// </summary>
        public static string? UrlOf(string? line)
        {
            var text = line?.Trim() ?? "";
            return text.Length == 0 || text[0] == '#' ? null : text;
        }

        private static IEnumerable<string> ReadLines(string path)
        {
            using (var reader = File.OpenText(path))
            {
                foreach (var url in Urls(reader)) yield return url;
            }
        }
    }
}
