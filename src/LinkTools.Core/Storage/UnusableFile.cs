using System;
using System.Globalization;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace LinkTools.Core.Storage
{
    /// <summary>
    /// A JSON file a run keeps between runs (watch state, result cache): read when it is one this version wrote, and
    /// otherwise moved aside, never overwritten, so nothing is lost and the next save starts a good file.
    /// </summary>
    public static class UnusableFile
    {
        /// <summary>
        /// The file's document, or null when there is none or it cannot be used: then <paramref name="warning"/> says
        /// why, and a file that is not JSON or that <paramref name="problemOf"/> refuses has been moved aside (when asked to).
        /// </summary>
        /// <param name="problemOf">Why a document read cannot be used, completing "because ..."; null when it can.</param>
        /// <param name="what">What the file is, for the warning: "state file", "cache file".</param>
        internal static T? Read<T>(string path, JsonTypeInfo<T> type, Func<T, string?> problemOf, string what, bool moveAside, out string? warning)
            where T : class
        {
            warning = null;
            if (!File.Exists(path)) return null;
            string problem;
            try
            {
                var document = JsonSerializer.Deserialize(File.ReadAllText(path), type);
                string? refused = document == null ? "it is empty (null)" : problemOf(document);
                if (refused == null) return document;
                problem = refused;
            }
            catch (JsonException ex)
            {
                problem = "it is not valid JSON (" + ex.Message + ")";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                warning = $"The {what} '{path}' could not be read ({ex.Message}); this run starts fresh and will try to save over it.";
                return null;
            }

            if (moveAside) warning = MoveAside(path, what, problem);
            return null;
        }

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
