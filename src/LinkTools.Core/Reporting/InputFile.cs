using System;
using System.IO;

namespace LinkTools.Core.Reporting
{
    /// <summary>Reading the files users hand in (baselines, suppression lists): one error naming the file, one format test.</summary>
    internal static class InputFile
    {
        /// <summary>The file's whole text; throws <see cref="InputFileException"/> naming it when it cannot be read.</summary>
        public static string ReadAllText(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new InputFileException(path, "cannot be read: " + e.Message, e);
            }
        }

        /// <summary>The text without a leading byte-order mark and white space, where its format shows.</summary>
        public static string Start(string text) => text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');

        /// <summary>True when the text (as <see cref="Start"/> returns it) opens a JSON object or array.</summary>
        public static bool IsJson(string start) => start.Length > 0 && (start[0] == '{' || start[0] == '[');
    }
}
