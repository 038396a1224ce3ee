namespace LinkTools.Model.Checking
{
    /// <summary>
    /// The result cache's age bounds (-MaxCacheAge, --max-cache-age-sec): one source for the cmdlets, the CLI and the
    /// engine. In the model because the cmdlet assembly may name only model types.
    /// </summary>
    public static class CacheLimits
    {
        /// <summary>One day: a link that worked today is not asked again until tomorrow.</summary>
        public const int DefaultMaxAgeSec = 86400;

        public const int MaxAgeSecMin = 0;

        /// <summary>A year.</summary>
        public const int MaxAgeSecMax = 365 * 86400;
    }
}
