using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Tests.Faults;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Http;

/// <summary>What the request path tells the user: the per-host cap when it sets the pace, and the retries in the summary.</summary>
public class RequestPathReportingTests
{
    private static async Task<RecordingSink> TestLinkAsync(int throttleLimit, int perHost, int urls)
    {
        await using var server = await TestServer.StartAsync(c => Task.Delay(20));
        var settings = FaultOptions.TestLink(o => o with { ThrottleLimit = throttleLimit, MaxConcurrencyPerHost = perHost }, FaultOptions.ByGet);
        return await Invariants.TestLinkAsync(settings, Enumerable.Range(0, urls).Select(i => server.Url("p/" + i).AbsoluteUri).ToList(), TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task ThePerHostCapIsNamedOnceWhenItHoldsTheRunBelowTheThrottleLimit()
    {
        var sink = await TestLinkAsync(throttleLimit: 50, perHost: 2, urls: 100);
        var warning = Assert.Single(sink.Warnings);
        Assert.Contains("-MaxConcurrencyPerHost (2)", warning);
        Assert.Contains("-ThrottleLimit (50)", warning);
        Assert.Matches(@"^\d+ of 100 requests waited", warning);
    }

    [Fact]
    public async Task NoCapNoticeWhenTheThrottleLimitIsTheBound()
    {
        var sink = await TestLinkAsync(throttleLimit: 10, perHost: 10, urls: 100);
        Assert.Empty(sink.Warnings);
    }

    [Fact]
    public async Task TheCrawlSummarySaysHowManyRequestsWereRetriesAndHowLongTheyWaited()
    {
        int flaky = 0;
        await using var server = await TestServer.StartAsync(async c =>
        {
            switch (c.Request.Path.Value)
            {
                case "/":
                    c.Response.ContentType = "text/html";
                    await c.Response.WriteAsync("<a href=\"/flaky\">flaky</a> <a href=\"/ok\">ok</a>");
                    return;
                case "/flaky" when Interlocked.Increment(ref flaky) == 1:
                    c.Response.StatusCode = 503;
                    return;
            }
        });

        var sink = new RecordingSink();
        var settings = new CrawlSettings { StartUrl = server.BaseUri, IgnoreRobotsTxt = true, Engine = FaultOptions.Engine() };
        var summary = SiteCrawlOperation.Run(settings, sink);
        var text = Assert.Single(sink.Information);
        Assert.Equal(0, summary.Broken);
        Assert.Matches(@"; 4 requests \(1 retry, \d+ ms waited on them\) in ", text);
    }
}
