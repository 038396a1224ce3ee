using System;
using System.Globalization;
using System.IO;

namespace LinkTools.Core.Storage
{
    /// <summary>
    /// A file a run keeps between runs (watch state, result cache) that cannot be used: it is moved aside, never
    /// overwritten, so nothing is lost and the next save starts a good file.
    /// </summary>
    public static class UnusableFile
    {
        /// <summary>Moves <paramref name="path"/> to "&lt;path&gt;.corrupt-&lt;UTC time&gt;" and returns the warning to show.</summary>
        /// <param name="what">What the file is, for the warning: "state file", "cache file".</param>
        /// <param name="problem">Why it was not used, completing "because ...".</param>
        public static string MoveAside(string path, string what, string problem)
        {
            string aside = path + ".corrupt-" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
            try
            {
                File.Move(path, aside);
                return $"The {what} '{path}' was not used because {problem}. It was kept as '{aside}' and this run starts fresh.";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                return $"The {what} '{path}' was not used because {problem}, and it could not be moved aside ({ex.Message}). This run starts fresh.";
            }
        }
    }
}
