using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Faults;

/// <summary>A calendar that links to the month before and after, forever: -Depth and -MaxPages end it.</summary>
public class CrawlTrapFaultTests
{
    private static Task<TestServer> StartCalendarAsync() => TestServer.StartAsync(async c =>
    {
        int month = int.Parse(c.Request.Query["month"].ToString());
        c.Response.ContentType = "text/html";
        await c.Response.WriteAsync(
            $"<!doctype html><h1>Month {month}</h1><a href=\"?month={month - 1}\">previous</a> <a href=\"/calendar?month={month + 1}\">next</a>",
            c.RequestAborted);
    });

    private static string Month(TestServer server, int month) => server.Url($"/calendar?month={month}").AbsoluteUri;

    [Fact]
    public async Task DepthEndsTheTrapAndTheDeepestPagesLinksAreStillChecked()
    {
        await using var server = await StartCalendarAsync();
        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/calendar?month=0"), s => s with { MaxDepth = 5 }));

        // Depth d reaches months -d and +d: 11 pages; the months at +-6 are checked, not crawled.
        Assert.Equal(11, run.Summary.Pages);
        for (int month = -5; month <= 5; month++)
        {
            run.AssertLinksOnce(new Uri(Month(server, month)), new[] { Month(server, month - 1), Month(server, month + 1) });
            Assert.Equal(1, server.HitCount("GET", $"/calendar?month={month}"));
        }

        Assert.Equal(1, server.HitCount("HEAD", "/calendar?month=6"));
        Assert.Equal(1, server.HitCount("HEAD", "/calendar?month=-6"));
        Assert.Equal(13, server.Requests);
        Assert.All(run.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task MaxPagesEndsTheTrapWhenThereIsNoDepthLimit()
    {
        await using var server = await StartCalendarAsync();
        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/calendar?month=0"), s => s with { MaxDepth = -1, MaxPages = 25 }));

        Assert.Equal(25, run.Summary.Pages);
        Assert.Contains(run.Sink.Warnings, w => w.Contains("-MaxPages 25 reached"));
        Assert.Equal(25, server.Hits.Count(h => h.Key.StartsWith("GET ")));
        Assert.All(server.Hits, hit => Assert.True(hit.Value == 1, $"{hit.Key} was requested {hit.Value} times"));
        foreach (var hit in server.Hits.Keys.Where(k => k.StartsWith("GET ")))
        {
            int month = int.Parse(hit.Substring(hit.IndexOf('=') + 1));
            run.AssertLinksOnce(new Uri(Month(server, month)), new[] { Month(server, month - 1), Month(server, month + 1) });
        }

        Assert.Equal(2 * 25, run.Summary.Links);
        Assert.All(run.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }
}
