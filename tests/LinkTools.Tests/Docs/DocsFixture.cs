using LinkTools.Core.Crawling;
using LinkTools.Core.Docs;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Cmdlets;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Docs;

/// <summary>The documentation tree in tests/fixtures/docs and runs of the docs check over it (or any folder).</summary>
internal static class DocsFixture
{
    public static string Folder => Path.Combine(CmdletContractTests.RepoRoot(), "tests", "fixtures", "docs");

    public static DocsSettings Settings(string folder, Action<DocsSettings>? configure = null)
    {
        var settings = new DocsSettings
        {
            Crawl = new CrawlSettings
            {
                Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(10), MaximumRetryCount = 0, RetryInterval = TimeSpan.FromMilliseconds(20) },
            },
        };
        settings.Paths.Add(folder);
        configure?.Invoke(settings);
        return settings;
    }

    public static (RecordingSink Sink, CrawlSummary Summary, List<CrawlResult> Results) Run(DocsSettings settings)
    {
        var sink = new RecordingSink();
        var summary = DocsCheckOperation.Run(settings, sink);
        return (sink, summary, sink.OfType<CrawlResult>().ToList());
    }
}
