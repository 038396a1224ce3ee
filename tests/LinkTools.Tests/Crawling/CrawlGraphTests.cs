using System.Threading.Channels;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>The crawl's parts since the split: the graph's fan-out, typed link kinds, one verdict path, one output channel.</summary>
public class CrawlGraphTests
{
    /// <summary>Every URL is a check; what was queued is recorded.</summary>
    private sealed class ChecksOnly : ICrawlSource
    {
        public Verdict? Refusal(ExtractedLink link, Uri normalized) => null;

        public bool RobotsRefuse(Uri normalized) => false;

        public CrawlTarget Create(Uri normalized, string key, int depth, ExtractedLink link, bool robotsRefused) =>
            new(normalized, key, depth, TargetRole.Check);

        public Task ReadAsync(CrawlTarget target) => throw new InvalidOperationException();
    }

    private static (CrawlGraph Graph, CrawlOutput Output, List<CrawlTarget> Queued) NewGraph()
    {
        var settings = new CrawlSettings { StartUrl = new Uri("http://127.0.0.1/"), IncludeAll = true, IncludeSkipped = true };
        var output = new CrawlOutput(settings, new CrawlTally(), null);
        var queued = new List<CrawlTarget>();
        return (new CrawlGraph(new ChecksOnly(), output, new CrawlTally(), queued.Add, CancellationToken.None), output, queued);
    }

    private static ExtractedLink Link(string raw) =>
        new(raw, Uri.TryCreate(new Uri("http://127.0.0.1/"), raw, out var uri) ? uri : null, "a", "href", "", 1);

    private static List<CrawlResult> Rows(ChannelReader<CrawlEvent> events)
    {
        var rows = new List<CrawlResult>();
        while (events.TryRead(out var item)) rows.Add(item.Result!);
        return rows;
    }

    [Fact]
    public void OneUrlLinkedFromTwoPagesIsQueuedOnceAndItsVerdictReachesBoth()
    {
        var (graph, output, queued) = NewGraph();
        graph.Follow("http://127.0.0.1/a", 0, new[] { Link("/x#top"), Link("/X/../x") });
        graph.Follow("http://127.0.0.1/b", 0, new[] { Link("/x") });

        var target = Assert.Single(queued);
        Assert.Equal("http://127.0.0.1/x", target.Key);
        Assert.Empty(Rows(output.Events));

        graph.Complete(target, new Verdict(LinkStatus.Ok, FailureKind.None, "HTTP 200", 200, "http://127.0.0.1/x", 3), null);
        var rows = Rows(output.Events);
        Assert.Equal(new[] { "http://127.0.0.1/a", "http://127.0.0.1/a", "http://127.0.0.1/b" }, rows.Select(r => r.SourceUrl).OrderBy(s => s, StringComparer.Ordinal));
        Assert.All(rows, r => Assert.Equal("HTTP 200", r.Reason));

        // Known now: a later link gets the verdict at once and queues nothing.
        graph.Follow("http://127.0.0.1/c", 0, new[] { Link("/x") });
        Assert.Equal("http://127.0.0.1/c", Assert.Single(Rows(output.Events)).SourceUrl);
        Assert.Single(queued);
    }

    [Fact]
    public void AnInvalidUrlIsOneVerdictWhereverItIsFound()
    {
        var (graph, output, queued) = NewGraph();
        graph.Follow("http://127.0.0.1/a", 0, new[] { new ExtractedLink("http://[::1", null, "a", "href", "", 2) });

        var row = Assert.Single(Rows(output.Events));
        var expected = Verdict.InvalidUrl("http://[::1");
        Assert.Equal((expected.Status, expected.Kind, expected.Reason, expected.FinalUrl), (row.Status, row.FailureKind, row.Reason, row.FinalUrl));
        Assert.Empty(queued);
    }

    [Fact]
    public void LinkKindsAreTypedWhereTheLinkIsMade()
    {
        var page = LinkExtractor.Extract("<a href=\"/p\">p</a><img src=\"/i.png\"><link rel=next href=\"/n\">", new Uri("http://127.0.0.1/"));
        Assert.Equal(new[] { LinkKind.Navigation, LinkKind.Resource, LinkKind.Resource }, page.Links.Select(l => l.Kind));
        Assert.Equal(LinkKind.Start, ExtractedLink.Start(new Uri("http://127.0.0.1/")).Kind);
        Assert.Equal(LinkKind.Sitemap, ExtractedLink.SitemapEntry("/p", new Uri("http://127.0.0.1/p")).Kind);
        // What a row shows stays as it was.
        Assert.Equal(("start", ""), (ExtractedLink.Start(new Uri("http://127.0.0.1/")).Element, ExtractedLink.Start(new Uri("http://127.0.0.1/")).Attribute));
    }

    [Fact]
    public async Task APageAndACheckOfTheSameAnswerGetTheSameVerdict()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            c.Response.StatusCode = c.Request.Path == "/gone" ? 404 : 200;
            c.Response.ContentType = "text/html";
            return c.Response.WriteAsync("<a href=\"/gone\">gone</a>");
        });

        using var engine = new FetchEngine(new EngineOptions());
        var checker = new LinkChecker(engine);
        var fetcher = new PageFetcher(checker, null, new CrawlTally(), CancellationToken.None);
        var gone = server.Url("/gone");
        var asPage = fetcher.Judge(gone, await fetcher.GetAsync(gone));
        var asCheck = Verdict.From(await checker.CheckAsync(gone, CancellationToken.None));
        Assert.Equal((asCheck.Status, asCheck.Kind, asCheck.Reason, asCheck.StatusCode, asCheck.FinalUrl),
            (asPage.Status, asPage.Kind, asPage.Reason, asPage.StatusCode, asPage.FinalUrl));
    }

    [Fact]
    public async Task ACrawlsRowsAndWarningsLeaveThroughOneChannelThatCompletesWithTheCrawl()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/html";
            return c.Response.WriteAsync(c.Request.Path == "/" ? "<a href=\"/a\">a</a><a href=\"/b\">b</a>" : "<p>page</p>");
        });

        var settings = new CrawlSettings { StartUrl = server.BaseUri, MaxPages = 1, IncludeAll = true };
        using var engine = new FetchEngine(settings.Engine);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var crawler = new SiteCrawler(settings, engine, null, stop.Token);
        crawler.Start();

        var events = new List<CrawlEvent>();
        await foreach (var item in crawler.Events.ReadAllAsync(stop.Token)) events.Add(item);

        Assert.True(crawler.Completion.IsCompleted);
        Assert.Contains(events, e => e.Kind == CrawlEventKind.Warning && e.Text.Contains("-MaxPages 1 reached"));
        Assert.Equal(new[] { "/", "/a", "/b" }, events.Where(e => e.Kind == CrawlEventKind.Result).Select(e => new Uri(e.Result!.Url).AbsolutePath).OrderBy(p => p, StringComparer.Ordinal));
        Assert.Equal(crawler.Emitted, events.Count(e => e.Kind == CrawlEventKind.Result));
    }
}
