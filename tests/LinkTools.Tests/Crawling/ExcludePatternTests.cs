using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
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

        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s =>
        {
            s.IgnoreRobotsTxt = true;
            s.IncludeAll = true;
            s.IncludeSkipped = true;
            s.Exclude.Add(@"#L\d+$");
            s.Exclude.Add(@"\.pdf$");
        }));
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
}
