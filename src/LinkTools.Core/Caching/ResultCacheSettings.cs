using System;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Caching
{
    /// <summary>
    /// Where results are kept between runs (-CachePath, --cache) and how long a working link is believed. Immutable;
    /// MaxAge is checked against -MaxCacheAge's description as it is set.
    /// </summary>
    public sealed record ResultCacheSettings
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

        private readonly TimeSpan _maxAge = TimeSpan.FromSeconds(SettingDescriptions.MaxCacheAge.IntDefault);

        public ResultCacheSettings(string path)
        {
            Path = path;
        }

        public string Path { get; }

        /// <summary>A cached Ok or Redirected result younger than this is reported without a request.</summary>
        public TimeSpan MaxAge
        {
            get => _maxAge;
            init => _maxAge = SettingValidation.Span(value, TimeSpan.FromSeconds(SettingDescriptions.MaxCacheAge.Max), positive: false, SettingDescriptions.MaxCacheAge.Setting);
        }

        public int MaxEntries { get; init; } = DefaultMaxEntries;

        public int MaxPageLinks { get; init; } = DefaultMaxPageLinks;

        public int MaxStoredLinks { get; init; } = DefaultMaxStoredLinks;
    }
}
