using System;
using LinkTools.Core.Checking;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Caching
{
    /// <summary>Where results are kept between runs (-CachePath, --cache) and how long a working link is believed.</summary>
    public sealed class ResultCacheSettings
    {
        /// <summary>Most entries the file keeps; past it the oldest are dropped, so the file stays a few tens of MB at most.</summary>
        public const int DefaultMaxEntries = 100_000;

        /// <summary>Most links kept for one page; a page with more is fetched in full every run.</summary>
        public const int DefaultMaxPageLinks = 2_000;

        /// <summary>
        /// Most page links the file keeps in all (the newest pages first), so a large site's pages add at most some tens
        /// of MB to it; pages past it are fetched in full on the next run.
        /// </summary>
        public const int DefaultMaxStoredLinks = 200_000;

        public ResultCacheSettings(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>A cached Ok or Redirected result younger than this is reported without a request.</summary>
        public TimeSpan MaxAge { get; set; } = TimeSpan.FromSeconds(SettingDescriptions.MaxCacheAge.IntDefault);

        public int MaxEntries { get; set; } = DefaultMaxEntries;

        public int MaxPageLinks { get; set; } = DefaultMaxPageLinks;

        public int MaxStoredLinks { get; set; } = DefaultMaxStoredLinks;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming MaxCacheAge when it is out of range.</summary>
        public void Validate() => SettingChecks.Span(MaxAge, TimeSpan.FromSeconds(SettingDescriptions.MaxCacheAge.Max), positive: false, SettingDescriptions.MaxCacheAge.Setting);
    }
}
