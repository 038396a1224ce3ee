using System.Collections.Concurrent;
using System.Text.Json;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Packaging;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Caching;

/// <summary>
/// A crawl with a result cache asks for its pages conditionally (If-None-Match / If-Modified-Since): a 304 reuses the
/// links and fragment targets kept from the last run; a 200 is parsed as usual and replaces them.
/// </summary>
public class PageRevalidationTests
{
    /// <summary>A site whose pages can change between crawls, answering conditional requests as a web server does.</summary>
    private sealed class RevalidatingSite
    {
        private static readonly DateTimeOffset Modified = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
        private readonly ConcurrentDictionary<string, (int Status, string Html, string? ETag)> _pages = new();

        public int NotModified;
        public int Conditional;

        /// <summary>A page with an ETag (its version), or, with a null version, with Last-Modified only.</summary>
        public void Set(string path, string html, string? version = "v1", int status = 200) =>
            _pages[path] = (status, html, version == null ? null : "\"" + version + "\"");

        public Task Handle(HttpContext context)
        {
            if (!_pages.TryGetValue(context.Request.Path.Value ?? "/", out var page))
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }

            var headers = context.Request.Headers;
            bool conditional = headers.IfNoneMatch.Count > 0 || headers.IfModifiedSince.Count > 0;
            if (conditional) Interlocked.Increment(ref Conditional);
            context.Response.StatusCode = page.Status;
            if (page.Status != 200) return Task.CompletedTask;
            bool unchanged = page.ETag != null
                ? headers.IfNoneMatch.ToString() == page.ETag
                : headers.IfNoneMatch.Count == 0 && DateTimeOffset.TryParse(headers.IfModifiedSince.ToString(), out var since) && since >= Modified;
            if (page.ETag != null) context.Response.Headers.ETag = page.ETag;
            else context.Response.Headers.LastModified = Modified.ToString("R");
            if (unchanged)
            {
                Interlocked.Increment(ref NotModified);
                context.Response.StatusCode = 304;
                return Task.CompletedTask;
            }

            context.Response.ContentType = "text/html";
            return context.Response.WriteAsync(page.Html);
        }
    }

    private static CrawlSummary Crawl(Uri start, string cachePath, out List<CrawlResult> rows, out List<string> warnings, Func<ResultCacheSettings, ResultCacheSettings>? configure = null)
    {
        var cache = new ResultCacheSettings(cachePath);
        if (configure != null) cache = configure(cache);
        var settings = new CrawlSettings
        {
            StartUrl = start,
            IncludeAll = true,
            IgnoreRobotsTxt = true,
            CheckFragments = true,
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20), MaximumRetryCount = 0 },
            Cache = cache,
        };
        var sink = new RecordingSink();
        var summary = SiteCrawlOperation.Run(settings, sink);
        Assert.Empty(sink.Errors);
        rows = sink.OfType<CrawlResult>().ToList();
        warnings = sink.Warnings.ToList();
        return summary;
    }

    private static string Rows(IEnumerable<CrawlResult> rows) => string.Join("\n",
        rows.Select(r => $"{r.SourceUrl} -> {r.Url} {r.Status} {r.FailureKind} {r.Element} {r.LinkText} {r.Line}").OrderBy(s => s, StringComparer.Ordinal));

    [Fact]
    public async Task UnchangedPagesAnswer304AndTheirCachedLinksAndFragmentsAreReusedAndTheResultSaysSo()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        var site = new RevalidatingSite();
        site.Set("/", "<a href=\"/a#sec\">a</a>\n<a href=\"/a#nothere\">a missing</a>\n<a href=\"/b\">b</a>");
        site.Set("/a", "<h2 id=\"sec\">Section</h2><a href=\"/\">home</a>");
        site.Set("/b", "<a href=\"/a\">a again</a><img src=\"/missing.png\">", version: null);
        await using var server = await TestServer.StartAsync(site.Handle);

        var first = Crawl(server.Url("/"), path, out var firstRows, out _);
        int requestsAfterFirst = server.Requests;
        Assert.Equal(0, site.Conditional);
        var second = Crawl(server.Url("/"), path, out var secondRows, out var warnings);

        Assert.Empty(warnings);
        // Every page asked for again, each conditionally (ETag or Last-Modified), and each answered 304.
        Assert.Equal(3, site.Conditional);
        Assert.Equal(3, site.NotModified);
        Assert.Equal(3, second.Unchanged);
        Assert.Equal(0, first.Unchanged);
        Assert.Contains("(3 unchanged, answered 304)", second.ToString());
        Assert.Equal(1, server.HitCount("GET", "/b") - 1);
        // The same rows as when the pages were parsed: the links, and the fragment verdicts from the cached ids.
        Assert.Equal(Rows(firstRows), Rows(secondRows));
        Assert.Equal(first.Links, second.Links);
        Assert.Equal(first.Pages, second.Pages);
        var missingFragment = Assert.Single(secondRows, r => r.Url.EndsWith("#nothere", StringComparison.Ordinal));
        Assert.Equal(FailureKind.MissingFragment, missingFragment.FailureKind);
        Assert.Equal(LinkStatus.Ok, Assert.Single(secondRows, r => r.Url.EndsWith("#sec", StringComparison.Ordinal)).Status);
        // A link to an unchanged page says it: the page answered 304 and its links came from the cache.
        var toB = Assert.Single(secondRows, r => r.Url == server.Url("/b").AbsoluteUri);
        Assert.Equal(LinkStatus.Ok, toB.Status);
        Assert.Equal(304, toB.StatusCode);
        Assert.Contains("links were read from the cache", toB.Reason);
        // The broken image was asked again (HEAD and its confirming GET); nothing else beyond the three pages.
        Assert.Equal(3 + 2, server.Requests - requestsAfterFirst);
    }

    [Fact]
    public async Task AChangedPageIsParsedAgainItsNewLinksFollowedAndItsNewVersionKept()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        var site = new RevalidatingSite();
        site.Set("/", "<a href=\"/a\">a</a>");
        site.Set("/a", "<p>a</p>");
        site.Set("/c", "<p id=\"new\">c</p>");
        await using var server = await TestServer.StartAsync(site.Handle);

        Crawl(server.Url("/"), path, out _, out _);
        site.Set("/", "<a href=\"/a\">a</a><a href=\"/c#new\">c</a>", version: "v2");
        var second = Crawl(server.Url("/"), path, out var secondRows, out _);
        var third = Crawl(server.Url("/"), path, out var thirdRows, out _);

        // The start page changed: a 200, parsed, its new link to /c followed (and /c fetched for the first time).
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(3, second.Pages);
        Assert.Equal(1, server.HitCount("GET", "/c") - 1);
        var toC = Assert.Single(secondRows, r => r.Url == server.Url("/c#new").AbsoluteUri);
        Assert.Equal(LinkStatus.Ok, toC.Status);
        Assert.Equal(200, toC.StatusCode);
        // The next crawl revalidates the new version: every page 304, the same rows.
        Assert.Equal(3, third.Unchanged);
        Assert.Equal(Rows(secondRows), Rows(thirdRows));
    }

    [Fact]
    public async Task ALinkOfAnUnchangedPageThatBrokeSinceIsCheckedAgainAndReportedBroken()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        var site = new RevalidatingSite();
        site.Set("/", "<a href=\"/gone\">soon gone</a><img src=\"/logo.png\">");
        site.Set("/gone", "<p>here for now</p>");
        site.Set("/logo.png", "png");
        await using var server = await TestServer.StartAsync(site.Handle);

        var first = Crawl(server.Url("/"), path, out _, out _);
        site.Set("/gone", "", status: 404);
        int logoChecks = server.HitCount("HEAD", "/logo.png");
        var second = Crawl(server.Url("/"), path, out var rows, out _);

        Assert.Equal(0, first.Broken);
        Assert.Equal(1, second.Unchanged);
        var gone = Assert.Single(rows, r => r.Url == server.Url("/gone").AbsoluteUri);
        Assert.Equal(LinkStatus.Broken, gone.Status);
        Assert.Equal(404, gone.StatusCode);
        Assert.Equal(1, second.Broken);
        // The working image is still believed from the cache, as any checked link is.
        Assert.True(Assert.Single(rows, r => r.Url == server.Url("/logo.png").AbsoluteUri).FromCache);
        Assert.Equal(logoChecks, server.HitCount("HEAD", "/logo.png"));
    }

    [Fact]
    public async Task AVersionOneFileIsReadAsItIsAndSavedAsVersionTwoWithItsPages()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        var site = new RevalidatingSite();
        site.Set("/", "<img src=\"/logo.png\">");
        site.Set("/logo.png", "png");
        await using var server = await TestServer.StartAsync(site.Handle);
        var logo = server.Url("/logo.png").AbsoluteUri;
        File.WriteAllText(path, "{\"Format\":\"LinkTools.ResultCache\",\"Version\":1,\"SavedAt\":\"2026-12-01T00:00:00+00:00\",\"Entries\":[" +
            $"{{\"Url\":\"{logo}\",\"CheckedAt\":\"{DateTimeOffset.UtcNow.AddMinutes(-5):O}\",\"Status\":\"Ok\",\"StatusCode\":200,\"FinalUrl\":\"{logo}\",\"Reason\":\"HTTP 200 OK\",\"Method\":\"HEAD\",\"RedirectCount\":0,\"RedirectChain\":\"\",\"ContentType\":\"image/png\"}}]}}");

        Crawl(server.Url("/"), path, out var rows, out var warnings);

        Assert.Empty(warnings);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.corrupt-*"));
        Assert.True(Assert.Single(rows, r => r.Url == logo).FromCache);
        Assert.Equal(0, server.HitCount("HEAD", "/logo.png"));
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(2, document.RootElement.GetProperty("Version").GetInt32());
        var page = Assert.Single(document.RootElement.GetProperty("Pages").EnumerateArray());
        Assert.Equal(server.Url("/").AbsoluteUri, page.GetProperty("Url").GetString());
        Assert.Equal("\"v1\"", page.GetProperty("ETag").GetString());
        Assert.Equal(logo, Assert.Single(page.GetProperty("Links").EnumerateArray()).GetProperty("Target").GetString());
    }

    [Fact]
    public async Task APageWithALinkCarryingUserInfoOrMoreLinksThanTheCapIsNotKeptAndIsFetchedInFull()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        var site = new RevalidatingSite();
        site.Set("/", "<a href=\"/secret\">s</a><a href=\"/many\">m</a><a href=\"/few\">f</a>");
        await using var server = await TestServer.StartAsync(site.Handle);
        var withUser = new UriBuilder(server.Url("/private")) { UserName = "alice", Password = "hunter2" }.Uri.AbsoluteUri;
        site.Set("/secret", $"<a href=\"{withUser}\">private</a>");
        site.Set("/many", "<a href=\"/1\">1</a><a href=\"/2\">2</a><a href=\"/3\">3</a>");
        site.Set("/few", "<a href=\"/1\">1</a><a href=\"/2\">2</a>");

        Crawl(server.Url("/"), path, out _, out _, c => c with { MaxPageLinks = 2 });
        var second = Crawl(server.Url("/"), path, out _, out _, c => c with { MaxPageLinks = 2 });

        var text = File.ReadAllText(path);
        Assert.DoesNotContain("alice", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain(server.Url("/3").AbsoluteUri, text);
        // The start page (3 links) is over the cap too: only /few was kept and answered 304.
        Assert.Equal(1, second.Unchanged);
        Assert.Equal(1, site.NotModified);
        Assert.Equal(2, server.HitCount("GET", "/secret"));
    }

    [Fact]
    public async Task ConcurrentCrawlsSavingTheSameFileKeepEachOthersPages()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        var sites = Enumerable.Range(0, 4).Select(_ => new RevalidatingSite()).ToArray();
        var servers = new List<TestServer>();
        foreach (var site in sites)
        {
            site.Set("/", "<a href=\"/a\">a</a>");
            site.Set("/a", "<p>a</p>");
            servers.Add(await TestServer.StartAsync(site.Handle));
        }

        try
        {
            await Task.WhenAll(servers.Select(server => Task.Run(() => Crawl(server.Url("/"), path, out _, out _))));
            var again = servers.Select(server => Crawl(server.Url("/"), path, out _, out _)).ToArray();

            Assert.All(again, summary => Assert.Equal(2, summary.Unchanged));
            Assert.All(sites, site => Assert.Equal(2, site.NotModified));
        }
        finally
        {
            foreach (var server in servers) await server.DisposeAsync();
        }
    }
}
