using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace LinkTools.Tests.Faults;

/// <summary>
/// A crawl of 5,000 pages while the server fails the first request for 5 % of them (reset, 500, or a stall past the
/// deadline), chosen once with a fixed seed so every verdict and attempt count can be asserted exactly. Every hundredth
/// page also links to a page that always answers 500. Runs alone so the heap peak it asserts is its own.
/// </summary>
[Collection(IsolatedFaultCollection.Name)]
public class CrawlLoadFaultTests
{
    private const int PageCount = 5000;
    private const int FaultyCount = PageCount / 20;
    private const long HeapBound = 512L * 1024 * 1024;

    private enum Fault { None, ResetFirst, ServerErrorFirst, StallFirst }

    private readonly ITestOutputHelper _output;

    public CrawlLoadFaultTests(ITestOutputHelper output) => _output = output;

    private static Dictionary<int, Fault> ChooseFaults()
    {
        var random = new Random(2026);
        var kinds = new[] { Fault.ResetFirst, Fault.ServerErrorFirst, Fault.StallFirst };
        return Enumerable.Range(0, PageCount).OrderBy(_ => random.Next()).Take(FaultyCount)
            .Select((page, n) => (page, kind: kinds[n % kinds.Length]))
            .ToDictionary(x => x.page, x => x.kind);
    }

    /// <summary>Four children (a tree about seven levels deep), the next page (so a failing page cuts nothing off), and the top.</summary>
    private static List<string> LinksOf(int page)
    {
        var targets = Enumerable.Range(4 * page + 1, 4).Append(page + 1).Append(0).Where(n => n < PageCount).Distinct().Select(n => $"/p/{n}").ToList();
        if (page % 100 == 0) targets.Add($"/dead/{page}");
        return targets;
    }

    [Fact]
    public async Task FiveThousandPagesWithFivePercentFaultsAreCrawledAndEveryLinkReportedOnce()
    {
        var faults = ChooseFaults();
        var attempts = new int[PageCount];
        await using var server = await TestServer.StartAsync(async c =>
        {
            var parts = c.Request.Path.Value!.Split('/');
            int id = int.Parse(parts[2]);
            if (parts[1] == "dead")
            {
                c.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            int attempt = Interlocked.Increment(ref attempts[id]);
            switch (faults.GetValueOrDefault(id))
            {
                case Fault.ResetFirst when attempt == 1:
                    c.Abort();
                    return;
                case Fault.ServerErrorFirst when attempt == 1:
                    c.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                case Fault.StallFirst when attempt == 1:
                    await Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted);
                    return;
            }

            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync("<!doctype html><body>" + string.Concat(LinksOf(id).Select(l => $"<a href=\"{l}\">{l}</a>")) + "</body>", c.RequestAborted);
        });

        var settings = CrawlFaultRun.Settings(server.Url("/p/0"), s => s with { Engine = s.Engine with { MaximumRetryCount = 1, ThrottleLimit = 50, MaxConcurrencyPerHost = 50 } });
        var clock = Stopwatch.StartNew();
        long peak = 0;
        var run = await HeapPeak.MeasureAsync(() => CrawlFaultRun.RunAsync(settings, TimeSpan.FromMinutes(4)), p => peak = p);

        _output.WriteLine($"{PageCount:N0} pages, {FaultyCount} faulty: {clock.Elapsed.TotalSeconds:N1} s, {run.Summary.Requests:N0} requests, {run.Results.Count:N0} rows, {server.MaxInFlight} most in flight, managed heap peak {peak / (1024 * 1024)} MB");
        Assert.True(peak < HeapBound, $"managed heap reached {peak:N0} bytes");
        Assert.Equal(PageCount, run.Summary.Pages);
        for (int page = 0; page < PageCount; page++)
        {
            var source = server.Url($"/p/{page}");
            run.AssertLinksOnce(source, LinksOf(page).Select(l => server.Url(l).AbsoluteUri));

            // A transient fault is retried once and then answered: the page is Ok, and was asked for exactly twice.
            int expectedAttempts = faults.ContainsKey(page) ? 2 : 1;
            Assert.True(Volatile.Read(ref attempts[page]) == expectedAttempts, $"/p/{page} ({faults.GetValueOrDefault(page)}) was requested {attempts[page]} times");
        }

        Assert.All(run.Results.Where(r => r.Url.Contains("/p/")), r => Assert.True(r.Status == LinkStatus.Ok, r.ToString()));
        var dead = run.Results.Where(r => r.Url.Contains("/dead/")).ToList();
        Assert.Equal(PageCount / 100, dead.Count);
        Assert.All(dead, r => Assert.True(r.Status == LinkStatus.Broken && r.StatusCode == 500, r.ToString()));
        Assert.All(Enumerable.Range(0, PageCount / 100), n => Assert.Equal(2, server.HitCount("GET", $"/dead/{n * 100}")));
        Assert.Equal(PageCount / 100, run.Summary.Broken);
    }
}
