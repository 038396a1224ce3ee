using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>-Exclude sees the URL as the page wrote it, fragment included, and the link says which pattern left it out.</summary>
public class ExcludePatternTests
{
    [Fact]
    public async Task ExcludeMatchesTheFragmentAndNamesThePattern()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/html";
            return c.Request.Path.Value == "/"
                ? c.Response.WriteAsync("<a href=\"/code#L12\">line</a><a href=\"/code\">file</a><a href=\"/doc.pdf#page=2\">pdf</a>")
                : c.Response.WriteAsync("<p>ok</p>");
        });

        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IgnoreRobotsTxt = true, IncludeAll = true, IncludeSkipped = true, Exclude = s.Exclude.Concat(new[] { @"#L\d+$", @"\.pdf$" }).ToArray() }));
        var rows = sink.OfType<CrawlResult>().Where(r => r.Element == "a").ToDictionary(r => r.LinkText);

        Assert.Equal((LinkStatus.Skipped, FailureKind.Excluded), (rows["line"].Status, rows["line"].FailureKind));
        Assert.Contains(@"'#L\d+$'", rows["line"].Reason);
        Assert.Equal(LinkStatus.Ok, rows["file"].Status);

        // A pattern for the URL without its fragment still leaves out the link with one.
        Assert.Equal(LinkStatus.Skipped, rows["pdf"].Status);
        Assert.Contains(@"'\.pdf$'", rows["pdf"].Reason);
        Assert.Equal(0, server.HitCount("GET", "/doc.pdf") + server.HitCount("HEAD", "/doc.pdf"));
        Assert.Equal(1, server.HitCount("GET", "/code"));
    }

    [Fact]
    public async Task ARedirectIntoAnExcludedUrlStopsThereAndIsSkippedNamingThePattern()
    {
        var redirects = new Dictionary<string, string>
        {
            ["/go"] = "/private/page", ["/img.png"] = "/hop.png", ["/hop.png"] = "/private/pic.png", ["/fine"] = "/public",
        };
        await using var server = await TestServer.StartAsync(c =>
        {
            if (redirects.TryGetValue(c.Request.Path.Value!, out var location))
            {
                c.Response.Redirect(location);
                return Task.CompletedTask;
            }

            c.Response.ContentType = "text/html";
            return c.Response.WriteAsync(c.Request.Path.Value == "/"
                ? "<a href=\"/go\">page</a><img src=\"/img.png\"><a href=\"/fine\">fine</a>"
                : "<p>ok</p>");
        });

        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IgnoreRobotsTxt = true, IncludeAll = true, IncludeSkipped = true, Exclude = s.Exclude.Append("/private/").ToArray() }));
        var rows = sink.OfType<CrawlResult>().ToDictionary(r => new Uri(r.Url).AbsolutePath);

        // The page (GET) and the image (HEAD) both stop at the excluded hop, which is never requested.
        foreach (var path in new[] { "/go", "/img.png" })
        {
            Assert.Equal((LinkStatus.Skipped, FailureKind.Excluded), (rows[path].Status, rows[path].FailureKind));
            Assert.Contains("'/private/'", rows[path].Reason);
            Assert.Contains("/private/", rows[path].Reason);
        }

        Assert.Equal(0, server.Hits.Keys.Count(k => k.Contains("/private/")));
        Assert.Equal(1, server.HitCount("HEAD", "/hop.png"));
        Assert.Equal(LinkStatus.Redirected, rows["/fine"].Status);
    }
}
