using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>How the links of one page are registered: repeats, invalid links and fragments, all in one page.</summary>
public class PageLinkTests
{
    private const string StartPage = """
        <html><body>
        <a href="/b#there">to the section</a>
        <a href="/b#nowhere">to a section that is not there</a>
        <a href="/b">b</a>
        <a href="/b">b again</a>
        <a href="http://[bad">bad</a>
        </body></html>
        """;

    private static Task<TestServer> StartSiteAsync() => TestServer.StartAsync(c =>
    {
        c.Response.ContentType = "text/html";
        return c.Request.Path.Value switch
        {
            "/" => c.Response.WriteAsync(StartPage),
            "/b" => c.Response.WriteAsync("<html><body><h2 id=\"there\">There</h2></body></html>"),
            _ => Task.FromResult(c.Response.StatusCode = 404),
        };
    });

    private static List<CrawlResult> LinksOnTheStartPage(TestServer server, bool checkFragments)
    {
        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IncludeAll = true, IgnoreRobotsTxt = true, CheckFragments = checkFragments }));
        return sink.OfType<CrawlResult>().Where(r => r.SourceUrl == server.BaseUri.AbsoluteUri).OrderBy(r => r.Line).ThenBy(r => r.LinkText).ToList();
    }

    [Fact]
    public async Task EveryLinkOfAPageIsReportedOnceEvenWhenRepeatedOrInvalid()
    {
        await using var server = await StartSiteAsync();

        var rows = LinksOnTheStartPage(server, checkFragments: true);

        Assert.Equal(new[] { "to the section", "to a section that is not there", "b", "b again", "bad" }, rows.Select(r => r.LinkText));
        Assert.Equal(1, server.HitCount("GET", "/b"));
        Assert.Equal(FailureKind.InvalidUrl, rows.Single(r => r.LinkText == "bad").FailureKind);
        Assert.All(rows.Where(r => r.LinkText is "b" or "b again" or "to the section"), r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task AMissingFragmentIsBrokenOnlyWhenFragmentsAreChecked()
    {
        await using var server = await StartSiteAsync();

        var checkedRows = LinksOnTheStartPage(server, checkFragments: true);
        var uncheckedRows = LinksOnTheStartPage(server, checkFragments: false);

        var missing = checkedRows.Single(r => r.LinkText == "to a section that is not there");
        Assert.Equal(LinkStatus.Broken, missing.Status);
        Assert.Equal(FailureKind.MissingFragment, missing.FailureKind);
        Assert.Equal(LinkStatus.Ok, checkedRows.Single(r => r.LinkText == "to the section").Status);
        Assert.All(uncheckedRows.Where(r => r.Url.Contains('#')), r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(2, uncheckedRows.Count(r => r.Url.Contains('#')));
    }
}
