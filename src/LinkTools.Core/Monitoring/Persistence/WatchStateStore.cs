using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Storage;
using LinkTools.Model.Monitoring;

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
            // Well-formed JSON is not yet a state: an entry that does not validate makes the file as unusable as bad JSON.
            var document = UnusableFile.Read(Path, WatchStateJson.Default.WatchStateDocument,
                d => d.Format == WatchStateDocument.FormatName && d.Version == WatchStateDocument.CurrentVersion && d.Sites != null
                    ? Invalid(d.Sites)
                    : "it is not a LinkTools watch state file (version " + WatchStateDocument.CurrentVersion + ")",
                "state file", moveAside: true, out warning);
            return document == null
                ? new Dictionary<string, SiteMemory>(StringComparer.Ordinal)
                : new Dictionary<string, SiteMemory>(document.Sites, StringComparer.Ordinal);
        }

        /// <summary>Why the saved sites cannot be used, or null when every entry is a site's state.</summary>
        private static string? Invalid(Dictionary<string, SiteMemory> sites)
        {
            foreach (var pair in sites)
            {
                var site = pair.Value;
                string name = Text.ConsoleText.Neutralize(pair.Key);
                if (site == null) return $"its entry for '{name}' is null";
                if (!Enum.IsDefined(typeof(SiteHealth), site.Confirmed) || !Enum.IsDefined(typeof(SiteHealth), site.LastObserved)) return $"its entry for '{name}' has an unknown state";
                if (site.Checks < 0 || site.ConsecutiveFailures < 0 || site.ConsecutiveSuccesses < 0 || site.SameStreak < 0) return $"its entry for '{name}' has a negative count";
            }

            return null;
        }

        /// <summary>Writes the state atomically: a crash at any point leaves either the old file or the new one.</summary>
        public void Save(IReadOnlyDictionary<string, SiteMemory> sites, DateTimeOffset now)
        {
            var document = new WatchStateDocument { Format = WatchStateDocument.FormatName, Version = WatchStateDocument.CurrentVersion, SavedAt = now };
            foreach (var pair in sites) document.Sites[pair.Key] = pair.Value;
            byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(document, WatchStateJson.Default.WatchStateDocument);

            // A state file says which sites are watched and when they were down: readable by the user only when new,
            // and a mode the user set (chmod 600) is kept.
            AtomicFile.Write(Path, stream => stream.Write(bytes, 0, bytes.Length), FileModes.OwnerOnly);
        }
    }
}
