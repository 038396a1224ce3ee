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

        /// <summary>Of <see cref="Pages"/>, those the server answered 304 to a conditional request: their links came from the result cache.</summary>
        public int Unchanged { get; set; }

        /// <summary>HTTP requests sent (attempts and redirect hops included).</summary>
        public long Requests { get; set; }

        /// <summary>Of <see cref="Requests"/>, the retries of an earlier attempt.</summary>
        public long Retries { get; set; }

        /// <summary>Time requests spent waiting to be retried, summed over requests (they wait side by side).</summary>
        public TimeSpan RetryWait { get; set; }

        public int Orphans { get; set; }

        public TimeSpan Elapsed { get; set; }

        public bool Cancelled { get; set; }

        /// <summary>What <see cref="Pages"/> counts, as the summary line says it: "pages crawled", or "files read" for a documentation folder.</summary>
        public string PagesLabel { get; set; } = "pages crawled";

        public double RequestsPerSecond => Elapsed.TotalSeconds > 0 ? Requests / Elapsed.TotalSeconds : 0;

        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "{0}{1} {11}{12}, {2} links ({3} unique URLs), {4} broken, {5} skipped{6}; {7} requests{8} in {9} ({10:0.#} requests/s)",
            Cancelled ? "Stopped: " : "", Pages, Links, UniqueUrls, Broken, Skipped,
            Orphans > 0 ? ", " + Orphans + " orphan pages" : "", Requests, RetryText(Retries, RetryWait), Durations.Format(Elapsed), RequestsPerSecond, PagesLabel,
            Unchanged > 0 ? " (" + Unchanged + " unchanged, answered 304)" : "");

        /// <summary>" (N retries, D waited on them)", or nothing when nothing was retried.</summary>
        public static string RetryText(long retries, TimeSpan wait) => retries == 0 ? "" : string.Format(CultureInfo.InvariantCulture,
            " ({0} {1}, {2} waited on them)", retries, retries == 1 ? "retry" : "retries", Durations.Format(wait));
    }
}
