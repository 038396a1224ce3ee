using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Crawling;

public class SiteCrawlTests
{
    internal static CrawlSettings Settings(Uri start, Func<CrawlSettings, CrawlSettings>? configure = null)
    {
        var settings = new CrawlSettings
        {
            StartUrl = start,
            MaxDepth = 5,
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(10), MaximumRetryCount = 0, RetryInterval = TimeSpan.FromMilliseconds(20) },
        };
        return configure == null ? settings : configure(settings);
    }

    internal static (RecordingSink Sink, CrawlSummary Summary) Crawl(CrawlSettings settings)
    {
        var sink = new RecordingSink();
        var summary = SiteCrawlOperation.Run(settings, sink);
        return (sink, summary);
    }

    private static string PathOf(string url) => url.Length == 0 ? "" : new Uri(url).PathAndQuery;

    [Fact]
    public async Task FindsExactlyTheKnownBrokenLinks()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, summary) = Crawl(Settings(site.Site.BaseUri));

        var found = sink.OfType<CrawlResult>().Select(r => (PathOf(r.SourceUrl), r.Url)).ToHashSet();
        var expected = site.KnownBroken();
        Assert.Empty(expected.Except(found));   // no misses
        Assert.Empty(found.Except(expected));   // no false alarms
        Assert.Equal(expected.Count, sink.OfType<CrawlResult>().Count());
        Assert.All(sink.OfType<CrawlResult>(), r => Assert.True(r.IsBroken, r.ToString()));
        Assert.Equal(expected.Count, summary.Broken);
        Assert.Empty(sink.Errors);
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task BrokenLinksSayWhereTheyAreAndWhy()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, _) = Crawl(Settings(site.Site.BaseUri));
        var results = sink.OfType<CrawlResult>().ToList();

        var srcset = results.Single(r => r.Url.EndsWith("/img/missing-3x.png"));
        Assert.Equal(("img", "srcset", "Logo", 8, 0), (srcset.Element, srcset.Attribute, srcset.LinkText, srcset.Line, srcset.Depth));
        Assert.Equal(404, srcset.StatusCode);

        var fragment = results.Single(r => r.Url.EndsWith("about#nope"));
        Assert.Equal(FailureKind.MissingFragment, fragment.FailureKind);
        Assert.Contains("'nope'", fragment.Reason);
        Assert.Equal(200, fragment.StatusCode);

        Assert.Equal(FailureKind.RedirectLoop, results.Single(r => r.Url.EndsWith("/loop")).FailureKind);
        Assert.Equal(("link", "href"), results.Single(r => r.Url.EndsWith("/css/missing.css")) is var css ? (css.Element, css.Attribute) : default);
        Assert.Equal(("video", "poster", 2), results.Single(r => r.Url.EndsWith("poster-missing.jpg")) is var poster ? (poster.Element, poster.Attribute, poster.Depth) : default);
        Assert.Equal(500, results.Single(r => r.Url.EndsWith("/500")).StatusCode);
        Assert.Equal("Gone", results.Single(r => r.Url.EndsWith("gone.html")).LinkText);
    }

    [Fact]
    public async Task EachUrlIsFetchedOnceAndRobotsTxtAndScopeAreHonoured()
    {
        await using var site = await GeneratedSite.StartAsync();
        Crawl(Settings(site.Site.BaseUri));

        Assert.All(site.Site.Hits, hit => Assert.True(hit.Value == 1, $"{hit.Key} was requested {hit.Value} times"));
        Assert.All(site.External.Hits, hit => Assert.True(hit.Value == 1, $"{hit.Key} was requested {hit.Value} times"));

        Assert.Equal(1, site.Site.HitCount("GET", "/robots.txt"));
        Assert.Equal(0, site.Site.HitCount("GET", "/private/secret") + site.Site.HitCount("HEAD", "/private/secret"));
        Assert.Equal(0, site.Site.HitCount("GET", "/never-requested"));      // an image body is never parsed as HTML
        Assert.Equal(1, site.Site.HitCount("GET", "/sniffed-missing"));      // a page with no type that is plainly HTML is
        Assert.Equal(1, site.Site.HitCount("GET", "/~about"));               // %7E and ~ are the same URL
        Assert.Equal(1, site.Site.HitCount("GET", "/new-home"));             // a redirect chain's end is crawled once
        Assert.Equal(1, site.Site.HitCount("HEAD", "/img/logo.png"));        // resources are checked with HEAD, not downloaded
        Assert.Equal(0, site.Site.HitCount("GET", "/img/logo.png"));

        // Depth 5 ends the calendar trap: day 5 is crawled, day 6 is only checked, day 7 is never seen.
        Assert.Equal(1, site.Site.HitCount("GET", "/calendar?day=5"));
        Assert.Equal(1, site.Site.HitCount("HEAD", "/calendar?day=6"));
        Assert.Equal(0, site.Site.HitCount("GET", "/calendar?day=6"));
        Assert.Equal(0, site.Site.HitCount("HEAD", "/calendar?day=7") + site.Site.HitCount("GET", "/calendar?day=7"));

        // Links outside the start origin are checked, never crawled.
        Assert.Equal(1, site.External.HitCount("HEAD", "/ok"));
        Assert.Equal(0, site.External.HitCount("GET", "/ok"));
    }

    [Fact]
    public async Task IncludeAllEmitsOneRowPerPageAndLinkWhileFetchingOnce()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, summary) = Crawl(Settings(site.Site.BaseUri, s => s with { IncludeAll = true }));
        var partner = sink.OfType<CrawlResult>().Where(r => r.Url == site.External.Url("ok").AbsoluteUri).ToList();
        Assert.Equal(new[] { "/", "/about" }, partner.Select(r => PathOf(r.SourceUrl)).OrderBy(p => p));
        Assert.All(partner, r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(1, site.External.HitCount("HEAD", "/ok"));

        var moved = sink.OfType<CrawlResult>().Single(r => r.Url.EndsWith("/old"));
        Assert.Equal(LinkStatus.Redirected, moved.Status);
        Assert.Equal(site.Site.Url("new-home").AbsoluteUri, moved.FinalUrl);

        Assert.DoesNotContain(sink.OfType<CrawlResult>(), r => r.Status == LinkStatus.Skipped);
        Assert.Equal(summary.Links + 1 - summary.Skipped, sink.Objects.Count);   // every checked link on every page, plus the start URL's own row
        Assert.Equal(site.KnownBroken().Count, sink.OfType<CrawlResult>().Count(r => r.IsBroken));
    }

    [Fact]
    public async Task SkippedLinksAreReportedOnlyWhenAsked()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, _) = Crawl(Settings(site.Site.BaseUri, s => s with { IncludeSkipped = true, Exclude = s.Exclude.Append("/calendar").ToArray() }));
        var skipped = sink.OfType<CrawlResult>().Where(r => r.Status == LinkStatus.Skipped).ToList();
        Assert.Contains(skipped, r => r.Url.StartsWith("mailto:") && r.FailureKind == FailureKind.UnsupportedScheme);
        Assert.Contains(skipped, r => r.Url.StartsWith("javascript:"));
        Assert.Contains(skipped, r => r.Url.EndsWith("/private/secret") && r.Reason.Contains("robots.txt"));
        Assert.Contains(skipped, r => r.Url.EndsWith("/calendar?day=1") && r.FailureKind == FailureKind.Excluded);
        Assert.Equal(0, site.Site.HitCount("GET", "/calendar?day=1"));
    }

    [Fact]
    public async Task IgnoreRobotsTxtCrawlsDisallowedPages()
    {
        await using var site = await GeneratedSite.StartAsync();
        Crawl(Settings(site.Site.BaseUri, s => s with { IgnoreRobotsTxt = true }));
        Assert.Equal(0, site.Site.HitCount("GET", "/robots.txt"));
        Assert.Equal(1, site.Site.HitCount("GET", "/private/secret"));
    }

    [Fact]
    public async Task MaxPagesEndsALinkTrap()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, summary) = Crawl(Settings(site.Site.Url("calendar?day=1"), s => s with { MaxDepth = -1, MaxPages = 20 }));
        Assert.Equal(20, summary.Pages);
        Assert.Equal(1, site.Site.HitCount("HEAD", "/calendar?day=21"));
        Assert.Contains(sink.Warnings, w => w.Contains("-MaxPages 20"));
        Assert.Empty(sink.OfType<CrawlResult>());
    }

    [Fact]
    public async Task HeadersGoOnlyToTheStartOrigin()
    {
        await using var site = await GeneratedSite.StartAsync();
        Crawl(Settings(site.Site.BaseUri, s => s with { Engine = s.Engine with { Headers = new Dictionary<string, string>(s.Engine.Headers) { ["X-Api-Key"] = "secret" } } }));
        Assert.Equal("secret", site.Site.HeadersSeen["/about"]["X-Api-Key"]);
        Assert.All(site.External.HeadersSeen.Values, headers => Assert.False(headers.ContainsKey("X-Api-Key")));
        Assert.NotEmpty(site.External.HeadersSeen);
    }

    [Fact]
    public async Task SitemapSeedsTheCrawlAndOrphansAreReported()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, summary) = Crawl(Settings(site.Site.BaseUri, s => s with { DiscoverSitemap = true, ReportOrphans = true }));
        Assert.Equal(1, site.Site.HitCount("GET", "/sitemap-index.xml.gz"));
        Assert.Equal(1, site.Site.HitCount("GET", "/sitemap.xml"));
        Assert.Equal(1, site.Site.HitCount("GET", "/orphan"));   // only the sitemap knows it

        var orphans = sink.OfType<OrphanPage>().ToList();
        Assert.Equal(new[] { site.Site.Url("orphan").AbsoluteUri }, orphans.Where(o => o.Kind == OrphanKind.NotLinked).Select(o => o.Url));
        var notListed = orphans.Where(o => o.Kind == OrphanKind.NotInSitemap).Select(o => PathOf(o.Url)).ToHashSet();
        Assert.Contains("/docs/", notListed);
        Assert.Contains("/new-home", notListed);
        Assert.DoesNotContain("/about", notListed);
        Assert.DoesNotContain("/", notListed);
        Assert.Equal(orphans.Count, summary.Orphans);
        Assert.Equal(site.KnownBroken().Count, sink.OfType<CrawlResult>().Count());
    }

    [Fact]
    public async Task SummaryGoesToTheInformationStreamNotTheObjects()
    {
        await using var site = await GeneratedSite.StartAsync();
        var sink = new RecordingSink(verbose: true);
        var summary = SiteCrawlOperation.Run(Settings(site.Site.BaseUri), sink);
        Assert.Contains(sink.Information, i => i.Contains("pages crawled") && i.Contains("requests/s"));
        Assert.Contains(sink.Verbose, v => v.Contains("pages crawled"));
        Assert.All(sink.Objects, o => Assert.IsType<CrawlResult>(o));
        Assert.True(summary.Pages >= 10, summary.ToString());
        Assert.True(summary.Requests >= summary.UniqueUrls, summary.ToString());
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task StopIsPromptAndKeepsWhatWasFound()
    {
        await using var site = await GeneratedSite.StartAsync();
        site.PageDelay = TimeSpan.FromSeconds(60);
        var sink = new RecordingSink();
        using var operation = new SiteCrawlOperation(Settings(site.Site.BaseUri, s => s with { Engine = s.Engine with { Timeout = TimeSpan.FromSeconds(120) } }), sink);
        var sinceStop = new Stopwatch();
        var stopper = Task.Run(async () => { await Task.Delay(1500); sinceStop.Start(); operation.Stop(); });
        operation.Run();
        var stoppedAfter = sinceStop.Elapsed;
        await stopper;
        Assert.True(sinceStop.IsRunning, "the crawl ended before it was stopped");
        Assert.True(stoppedAfter < TimeSpan.FromSeconds(1), $"Run returned {stoppedAfter} after Stop");
        Assert.Equal(0, sink.OffThreadCalls);
        Assert.Contains(sink.Information, i => i.StartsWith("Stopped"));
        Assert.Contains(sink.Progress, p => p.StatusDescription.Contains("pages crawled") && !p.Completed);
        Assert.True(sink.Progress[^1].Completed);
    }

    [Fact]
    public async Task WhenTheStartUrlRedirectsToAnotherOriginTheCrawlFollowsTheSiteThere()
    {
        TestServer? target = null;
        await using var landing = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "text/html";
            if (c.Request.Path == "/home") await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(c.Response, "<a href=\"/a\">a</a> <a href=\"/missing\">m</a>");
            else if (c.Request.Path == "/a") await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(c.Response, "<p>a</p>");
            else c.Response.StatusCode = 404;
        });
        target = landing;
        await using var start = await TestServer.StartAsync(c => { c.Response.Redirect(target.Url("home").AbsoluteUri); return Task.CompletedTask; });

        var (sink, summary) = Crawl(Settings(start.BaseUri));
        var broken = Assert.Single(sink.OfType<CrawlResult>());
        Assert.Equal(landing.Url("missing").AbsoluteUri, broken.Url);
        Assert.Equal(landing.Url("home").AbsoluteUri, broken.SourceUrl);
        Assert.Equal(2, summary.Pages);
        Assert.Equal(1, landing.HitCount("GET", "/a"));
    }

    [Fact]
    public async Task ASlowConsumerHoldsTheCrawlBack()
    {
        await using var site = await GeneratedSite.StartAsync();
        var seen = new List<(int Written, int Requests)>();
        var sink = new RecordingSink();
        sink.OnObject = _ => { seen.Add((sink.Objects.Count, site.Site.Requests)); Thread.Sleep(30); };
        SiteCrawlOperation.Run(Settings(site.Site.Url("calendar?day=1"), s => s with { MaxDepth = -1, MaxPages = 40, IncludeAll = true, MaxUnwrittenResults = 3 }), sink);

        Assert.Equal(41, sink.Objects.Count);
        // One calendar page leads to the next, so without a hold-back all 40 would be fetched while the first rows are written.
        Assert.All(seen, s => Assert.True(s.Requests <= s.Written + 8, $"{s.Requests} requests when {s.Written} rows were written"));
    }

    [Fact]
    public async Task RobotsTxtCrawlDelayIsHonoured()
    {
        await using var server = await TestServer.StartAsync(async c =>
        {
            string body = c.Request.Path.Value switch
            {
                "/robots.txt" => "User-agent: *\nCrawl-delay: 0.5\n",
                "/" => "<a href=\"/a\">a</a> <a href=\"/b\">b</a>",
                _ => "<p>leaf</p>",
            };
            c.Response.ContentType = c.Request.Path == "/robots.txt" ? "text/plain" : "text/html";
            await Microsoft.AspNetCore.Http.HttpResponseWritingExtensions.WriteAsync(c.Response, body);
        });
        var clock = Stopwatch.StartNew();
        var (_, summary) = Crawl(Settings(server.BaseUri, s => s with { Engine = s.Engine with { MaxConcurrencyPerHost = 10 } }));
        Assert.Equal(3, summary.Pages);
        // Three page requests started at least 0.5 s apart: a lower bound, which a busy machine cannot break.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.95), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AStartUrlThatRobotsTxtDisallowsIsAWarningNotASilentEmptyRun()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, summary) = Crawl(Settings(site.Site.Url("private/secret")));
        Assert.Equal(0, summary.Pages);
        Assert.Contains(sink.Warnings, w => w.Contains("robots.txt disallows") && w.Contains("-IgnoreRobotsTxt"));
        Assert.Equal(0, site.Site.HitCount("GET", "/private/secret"));
    }

    [Fact]
    public async Task IncludePatternsChooseAmongLinksButTheStartUrlIsAlwaysCrawled()
    {
        await using var site = await GeneratedSite.StartAsync();
        var (sink, summary) = Crawl(Settings(site.Site.BaseUri, s => s with { Include = s.Include.Append("/(about|missing)$").ToArray() }));
        Assert.Equal(2, summary.Pages);   // the start page and /about
        var found = sink.OfType<CrawlResult>().Select(r => (PathOf(r.SourceUrl), PathOf(r.Url) + new Uri(r.Url).Fragment)).OrderBy(p => p).ToArray();
        Assert.Equal(new[] { ("/", "/about#nope"), ("/", "/missing"), ("/about", "/missing") }, found);
        Assert.Equal(0, site.External.Requests);
    }
}
