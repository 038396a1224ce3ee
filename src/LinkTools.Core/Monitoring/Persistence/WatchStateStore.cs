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
            var document = UnusableFile.Read(Path, WatchStateJson.Default.WatchStateDocument,
                d => d.Format == WatchStateDocument.FormatName && d.Version == WatchStateDocument.CurrentVersion && d.Sites != null,
                "state file", "a LinkTools watch state file (version " + WatchStateDocument.CurrentVersion + ")", moveAside: true, out warning);
            return document == null
                ? new Dictionary<string, SiteMemory>(StringComparer.Ordinal)
                : new Dictionary<string, SiteMemory>(document.Sites, StringComparer.Ordinal);
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
