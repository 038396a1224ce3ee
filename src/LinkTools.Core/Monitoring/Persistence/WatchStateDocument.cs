using System;
using System.Collections.Generic;
using LinkTools.Core.Monitoring.States;

namespace LinkTools.Core.Monitoring.Persistence
{
    /// <summary>The JSON shape of a -StatePath file.</summary>
    public sealed class WatchStateDocument
    {
        public const string FormatName = "LinkTools.WatchState";
        public const int CurrentVersion = 1;

        /// <summary>Always <see cref="FormatName"/>; anything else is a foreign file.</summary>
        public string? Format { get; set; }
        public int Version { get; set; }
        public DateTimeOffset SavedAt { get; set; }

        /// <summary>Per site, keyed by URL.</summary>
        public Dictionary<string, SiteMemory> Sites { get; set; } = new(StringComparer.Ordinal);
    }
}
