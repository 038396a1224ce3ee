using LinkTools.Model.Checking;

namespace LinkTools.Model.Crawling
{
    /// <summary>
    /// One link on one page, with the verdict on its target. Flat, one shape for every row, so
    /// <c>Where-Object IsBroken | Export-Csv</c> keeps every column.
    /// </summary>
    public sealed class CrawlResult
    {
        /// <summary>The page that holds the link (a sitemap for sitemap entries, empty for the start URL); for a documentation folder, the file's path relative to the root folder.</summary>
        public string SourceUrl { get; set; } = "";

        /// <summary>The link as resolved, fragment included.</summary>
        public string Url { get; set; } = "";

        public string FinalUrl { get; set; } = "";
        public LinkStatus Status { get; set; }
        public bool IsBroken => Status == LinkStatus.Broken;
        public int? StatusCode { get; set; }
        public FailureKind FailureKind { get; set; }
        public string Reason { get; set; } = "";

        /// <summary>The element holding the link: a, img, script, link, iframe, source, video, audio, area, meta.</summary>
        public string Element { get; set; } = "";

        public string Attribute { get; set; } = "";
        public string LinkText { get; set; } = "";

        /// <summary>1-based line of the element in the source page; 0 when not known.</summary>
        public int Line { get; set; }

        /// <summary>Link hops from the start page to the page holding the link (0: the start page).</summary>
        public int Depth { get; set; }

        public long ElapsedMs { get; set; }

        /// <summary>True when the target's verdict was read from the result cache (-CachePath) instead of a request.</summary>
        public bool FromCache { get; set; }

        /// <summary>For a documentation folder, the absolute file URI of the file that holds the link; empty for a web crawl.</summary>
        public string SourceFile { get; set; } = "";

        public override string ToString() => $"{Status} {Url} on {SourceUrl} ({Reason})";
    }
}
