namespace LinkTools.Model.Crawling
{
    /// <summary>The bounds of the crawl's settings, for the cmdlet, the CLI and <c>CrawlSettings</c> alike.</summary>
    public static class CrawlLimits
    {
        /// <summary>The depth that means "no limit" (the default).</summary>
        public const int NoDepthLimit = -1;

        public const int DepthMin = 0;
        public const int DepthMax = 1000;

        public const int MaxPagesMin = 1;
        public const int MaxPagesMax = 10000000;
    }
}
