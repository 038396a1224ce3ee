using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>
/// Whether a URL is a page to read or a resource to check does not depend on which link reached it first: documentation
/// sites reach most pages first through &lt;link rel="next|prev|up"&gt;, and an &lt;a href&gt; to the same page, found
/// later, must still make it a page.
/// </summary>
public class CrawlPageRoleTests
{
    private const int Pages = 24;
    private const int Hubs = 8;

    /// <summary>A chain of pages, each naming its neighbours in &lt;link&gt; first and &lt;a&gt; after, as Sphinx writes them.</summary>
    /// <remarks>
    /// Beside it, hubs /h1../h{Hubs} (linked from the start page) each name page /q{k} in a &lt;link&gt; and page /q{k+1}
    /// in an &lt;a&gt;; they answer after a random delay, so which link reaches a /q page first changes from run to run.
    /// </remarks>
    private static Task<TestServer> StartBookAsync() => TestServer.StartAsync(async c =>
    {
        string path = c.Request.Path.Value ?? "/";
        if (path.StartsWith("/h") && int.TryParse(path.AsSpan(2), out var hub) && hub >= 1 && hub <= Hubs)
        {
            await Task.Delay(Random.Shared.Next(0, 15));
            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync($"""<html><head><link rel="alternate" href="/q{hub}"></head><body><a href="/q{hub % Hubs + 1}">Q</a></body></html>""");
            return;
        }

        if (path.StartsWith("/q") && int.TryParse(path.AsSpan(2), out var q) && q >= 1 && q <= Hubs)
        {
            c.Response.ContentType = "text/html";
            if (HttpMethods.IsGet(c.Request.Method)) await c.Response.WriteAsync($"""<html><body><img src="/qmissing{q}.png" alt="q"></body></html>""");
            return;
        }

        int n = path == "/" ? 0 : path.StartsWith("/p") && int.TryParse(path.AsSpan(2), out var i) && i <= Pages ? i : -1;
        if (n < 0)
        {
            c.Response.StatusCode = 404;
            return;
        }

        c.Response.ContentType = "text/html";
        string next = n < Pages ? $"/p{n + 1}" : "/";
        string prev = n > 1 ? $"/p{n - 1}" : "/";
        string html = $"""
            <html><head><link rel="next" href="{next}"><link rel="prev" href="{prev}"><link rel="up" href="/"><link rel="index" href="/p{Pages}"></head>
            <body><h1 id="s{n}">Page {n}</h1>
            {(n == 0 ? string.Concat(Enumerable.Range(1, Hubs).Select(k => $"<a href=\"/h{k}\">Hub {k}</a>")) : "")}
            <a href="{next}#s{n + 1}">Next</a> <a href="{prev}">Previous</a> <a href="{next}#nowhere{n}">Broken fragment</a>
            {(n % 5 == 3 ? $"<img src=\"/missing{n}.png\" alt=\"gone\">" : "")}
            </body></html>
            """;
        if (HttpMethods.IsGet(c.Request.Method)) await c.Response.WriteAsync(html);
    });

    private static List<string> CrawlRows(TestServer server, out CrawlSummary summary)
    {
        var (sink, crawl) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IncludeAll = true, IgnoreRobotsTxt = true, CheckFragments = true, MaxDepth = -1 }));
        summary = crawl;
        Assert.Empty(sink.Errors);
        return sink.OfType<CrawlResult>()
            .Select(r => $"{new Uri(r.SourceUrl.Length == 0 ? server.BaseUri.AbsoluteUri : r.SourceUrl).PathAndQuery} {r.Element} {r.Attribute} {r.Url} {r.Status} {r.FailureKind} {r.StatusCode}")
            .OrderBy(r => r, StringComparer.Ordinal).ToList();
    }

    [Fact]
    public async Task APageFirstReachedByALinkElementIsStillCrawled()
    {
        await using var server = await StartBookAsync();

        var rows = CrawlRows(server, out var summary);

        Assert.Equal(Pages + 1 + (2 * Hubs), summary.Pages);
        // Every page's "#nowhere", and the last page's "Next" back to the start page, which has no "#s25".
        Assert.Equal(Pages + 2, rows.Count(r => r.Contains(" MissingFragment ")));
        Assert.Equal(new[] { 3, 8, 13, 18, 23 }.Select(n => $"/missing{n}.png").Concat(Enumerable.Range(1, Hubs).Select(k => $"/qmissing{k}.png")).Order(StringComparer.Ordinal),
            rows.Where(r => r.Contains(" Broken Http 404")).Select(r => new Uri(r.Split(' ')[3]).AbsolutePath).Order(StringComparer.Ordinal));

        // Every page is fetched once, with GET, whatever reached it first.
        Assert.All(server.Hits.Where(h => !h.Key.Contains("missing")), h => Assert.Equal(("GET", 1), (h.Key.Split(' ')[0], h.Value)));
    }

    [Fact]
    public async Task TheSameSiteGivesTheSamePagesLinksAndVerdictsEveryRun()
    {
        await using var server = await StartBookAsync();

        var first = CrawlRows(server, out var firstSummary);
        for (int run = 0; run < 6; run++)
        {
            var again = CrawlRows(server, out var summary);
            Assert.Equal(first, again);
            Assert.Equal((firstSummary.Pages, firstSummary.Links, firstSummary.Broken, firstSummary.UniqueUrls), (summary.Pages, summary.Links, summary.Broken, summary.UniqueUrls));
        }
    }
}
