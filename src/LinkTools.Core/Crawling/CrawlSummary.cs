using System;
using System.Globalization;

namespace LinkTools.Core.Crawling
{
    /// <summary>The totals of a crawl: what the summary line says, and what a benchmark reads.</summary>
    public sealed class CrawlSummary
    {
        /// <summary>Pages fetched and parsed.</summary>
        public int Pages { get; set; }

        /// <summary>(page, link) pairs found.</summary>
        public int Links { get; set; }

        /// <summary>Unique URLs fetched or checked.</summary>
        public int UniqueUrls { get; set; }

        /// <summary>(page, link) pairs whose link is broken.</summary>
        public int Broken { get; set; }

        public int Skipped { get; set; }

        /// <summary>HTTP requests sent (attempts and redirect hops included).</summary>
        public long Requests { get; set; }

        public int Orphans { get; set; }

        public TimeSpan Elapsed { get; set; }

        public bool Cancelled { get; set; }

        /// <summary>What <see cref="Pages"/> counts, as the summary line says it: "pages crawled", or "files read" for a documentation folder.</summary>
        public string PagesLabel { get; set; } = "pages crawled";

        public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0}{1} {10}, {2} links ({3} unique URLs), {4} broken, {5} skipped{6}; {7} requests in {8} ({9:0.#} requests/s)",
            Cancelled ? "Stopped: " : "", Pages, Links, UniqueUrls, Broken, Skipped,
            Orphans > 0 ? ", " + Orphans + " orphan pages" : "", Requests, Durations.Format(Elapsed), RequestsPerSecond, PagesLabel);
    }
}
