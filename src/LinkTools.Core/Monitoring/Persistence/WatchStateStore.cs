using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Storage;

namespace LinkTools.Core.Monitoring.Persistence
{
    /// <summary>
    /// Reads and writes the state a watch keeps between runs. Writes are atomic (<see cref="AtomicFile"/>), so a
    /// crash mid-write leaves the previous file intact; a corrupt or foreign file is moved aside with a warning.
    /// </summary>
    public sealed class WatchStateStore
    {
        public WatchStateStore(string path)
        {
            Path = System.IO.Path.GetFullPath(path);
        }

        public string Path { get; }

        /// <summary>The saved sites, or an empty set when there is no file or it could not be used (<paramref name="warning"/> says why).</summary>
        public Dictionary<string, SiteMemory> Load(out string? warning)
        {
            warning = null;
            var empty = new Dictionary<string, SiteMemory>(StringComparer.Ordinal);
            if (!File.Exists(Path)) return empty;

            string problem;
            try
            {
                var document = JsonSerializer.Deserialize(File.ReadAllText(Path), WatchStateJson.Default.WatchStateDocument);
                if (document != null && document.Format == WatchStateDocument.FormatName && document.Version == WatchStateDocument.CurrentVersion && document.Sites != null)
                {
                    return new Dictionary<string, SiteMemory>(document.Sites, StringComparer.Ordinal);
                }

                problem = "it is not a LinkTools watch state file (version " + WatchStateDocument.CurrentVersion + ")";
            }
            catch (JsonException ex)
            {
                problem = "it is not valid JSON (" + ex.Message + ")";
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                warning = $"The state file '{Path}' could not be read ({ex.Message}); this run starts fresh and will try to save over it.";
                return empty;
            }

            warning = UnusableFile.MoveAside(Path, "state file", problem);
            return empty;
        }

        /// <summary>Writes the state atomically: a crash at any point leaves either the old file or the new one.</summary>
        public void Save(IReadOnlyDictionary<string, SiteMemory> sites, DateTimeOffset now)
        {
            var document = new WatchStateDocument { Format = WatchStateDocument.FormatName, Version = WatchStateDocument.CurrentVersion, SavedAt = now };
            foreach (var pair in sites) document.Sites[pair.Key] = pair.Value;
            byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(document, WatchStateJson.Default.WatchStateDocument);

            AtomicFile.Write(Path, stream => stream.Write(bytes, 0, bytes.Length));
        }
    }
}
