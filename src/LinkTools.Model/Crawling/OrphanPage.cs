namespace LinkTools.Model.Crawling
{
    /// <summary>Why a page is an orphan.</summary>
    public enum OrphanKind
    {
        /// <summary>Listed in the sitemap, but no crawled page links to it.</summary>
        NotLinked,

        /// <summary>Crawled (reachable by links) but missing from the sitemap.</summary>
        NotInSitemap,
    }

    /// <summary>A page the sitemap and the site's links disagree about. Written only when orphans are asked for.</summary>
    public sealed class OrphanPage
    {
        public string Url { get; set; } = "";
        public OrphanKind Kind { get; set; }
        public string Reason { get; set; } = "";

        public override string ToString() => $"{Kind} {Url}";
    }
}
