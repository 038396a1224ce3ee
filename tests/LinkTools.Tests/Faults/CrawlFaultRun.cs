using LinkTools.Core.Crawling;
using LinkTools.Core.Operations;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Runs Invoke-SiteCrawl's operation on its own pipeline thread under the fault invariants. Every (page, link) pair
/// is emitted (IncludeAll, IncludeSkipped), so "every link reported exactly once" can be checked against the
/// crawler's own count of links, besides each case's own list.
/// </summary>
public static class CrawlFaultRun
{
    public static CrawlSettings Settings(Uri start, Func<CrawlSettings, CrawlSettings>? configure = null)
    {
        var settings = new CrawlSettings
        {
            StartUrl = start,
            IncludeAll = true,
            IncludeSkipped = true,
            IgnoreRobotsTxt = true,
            Engine = FaultOptions.Engine(),
        };
        return configure == null ? settings : configure(settings);
    }

    public static Task<CrawlRun> RunAsync(CrawlSettings settings, TimeSpan? bound = null) =>
        Invariants.WithinAsync(bound ?? FaultOptions.CaseBound, () => Task.Factory.StartNew(() =>
        {
            var sink = new RecordingSink();
            var summary = SiteCrawlOperation.Run(settings, sink);
            var run = new CrawlRun(sink, summary);

            Assert.Equal(0, sink.OffThreadCalls);
            Assert.Empty(sink.Errors);
            Assert.False(summary.Cancelled);

            // One row per link found on a page: the start URL's own row is the only one without a source.
            Assert.Equal(summary.Links, run.Results.Count(r => r.SourceUrl.Length > 0));
            Assert.Single(run.Results, r => r.SourceUrl.Length == 0);
            return run;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
}
