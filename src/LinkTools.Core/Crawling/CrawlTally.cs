using System;
using System.Threading;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>A crawl's running counts, updated from worker threads and read for progress and the summary.</summary>
    internal sealed class CrawlTally
    {
        private int _pagesCrawled;
        private int _targetsFinished;
        private int _links;
        private int _broken;
        private int _skipped;
        private int _emitted;
        private long _requests;

        /// <summary>Pages (or files) read whose links were followed.</summary>
        public int PagesCrawled => Volatile.Read(ref _pagesCrawled);

        public int TargetsFinished => Volatile.Read(ref _targetsFinished);

        /// <summary>(page, link) pairs found.</summary>
        public int Links => Volatile.Read(ref _links);

        public int Broken => Volatile.Read(ref _broken);

        public int Skipped => Volatile.Read(ref _skipped);

        /// <summary>Rows handed to the output channel so far.</summary>
        public int Emitted => Volatile.Read(ref _emitted);

        public long Requests => Interlocked.Read(ref _requests);

        public void PageCrawled() => Interlocked.Increment(ref _pagesCrawled);

        public void LinksFound(int count) => Interlocked.Add(ref _links, count);

        public void TargetFinished() => Interlocked.Increment(ref _targetsFinished);

        public void AddRequests(int count) => Interlocked.Add(ref _requests, count);

        /// <summary>Counts a (page, link) pair's final status.</summary>
        public void Judged(LinkStatus status)
        {
            if (status == LinkStatus.Broken) Interlocked.Increment(ref _broken);
            else if (status == LinkStatus.Skipped) Interlocked.Increment(ref _skipped);
        }

        public void RowEmitted() => Interlocked.Increment(ref _emitted);

        public CrawlSummary Summary(TimeSpan elapsed, bool cancelled) => new CrawlSummary
        {
            Pages = PagesCrawled,
            Links = Links,
            UniqueUrls = TargetsFinished,
            Broken = Broken,
            Skipped = Skipped,
            Requests = Requests,
            Elapsed = elapsed,
            Cancelled = cancelled,
        };
    }
}
