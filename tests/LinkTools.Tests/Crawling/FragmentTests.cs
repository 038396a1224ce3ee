using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>Fragments are found as the HTML standard finds them: as written first, then percent-decoded; text fragments never miss.</summary>
public class FragmentTests
{
    private const string Target = """
        <html><body><h2 id="a%20b">Encoded id</h2><h2 id="impl-Borrow%3CT%3E">rustdoc</h2><h2 id="x y">Spaced id</h2>
        <h2 id="déjà">Accented</h2><a name="named">n</a><p id="Case">c</p></body></html>
        """;

    private static readonly string[] Links =
    {
        "/t#a%20b", "/t#impl-Borrow%3CT%3E", "/t#x%20y", "/t#d%C3%A9j%C3%A0", "/t#déjà", "/t#named", "/t#TOP", "/t#",
        "/t#:~:text=hello", "/t#x%20y:~:text=a,b", "/t#:~:text=start&text=end",
        "/t#missing%20one", "/t#case", "/t#a b",
    };

    private static Task<TestServer> StartSiteAsync() => TestServer.StartAsync(c =>
    {
        c.Response.ContentType = "text/html; charset=utf-8";
        return c.Request.Path.Value switch
        {
            "/" => c.Response.WriteAsync("<html><body>" + string.Concat(Links.Select(l => $"<a href=\"{l}\">{l}</a>\n")) + "</body></html>"),
            "/t" => c.Response.WriteAsync(Target),
            _ => Task.FromResult(c.Response.StatusCode = 404),
        };
    });

    [Fact]
    public async Task FragmentsAreFoundAsWrittenThenDecodedAndNamedAsWritten()
    {
        await using var server = await StartSiteAsync();
        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IncludeAll = true, IgnoreRobotsTxt = true, CheckFragments = true }));
        var rows = sink.OfType<CrawlResult>().Where(r => r.Element == "a").ToDictionary(r => r.LinkText);

        Assert.Equal(Links.Length, rows.Count);
        var missing = rows.Values.Where(r => r.FailureKind == FailureKind.MissingFragment).Select(r => r.LinkText).Order(StringComparer.Ordinal);
        // "#a b" is "#a%20b" once parsed as a URL, so it finds id "a%20b" as written; ids match case-sensitively.
        Assert.Equal(new[] { "/t#case", "/t#missing%20one" }, missing);
        Assert.All(rows.Values.Where(r => !missing.Contains(r.LinkText)), r => Assert.Equal(LinkStatus.Ok, r.Status));

        // The reason names the fragment as the URL has it, not decoded: that is what the page's author must look for.
        Assert.Contains("'missing%20one'", rows["/t#missing%20one"].Reason);
        Assert.Contains("'case'", rows["/t#case"].Reason);
    }

    internal static readonly string[] ExternalLinks =
    {
        "/page#present", "/page#absent", "/page", "/page#:~:text=hello", "/moved#present", "/moved#absent", "/doc.pdf#page=2", "/gone#x",
    };

    /// <summary>The site links to pages on another origin (another loopback port): outside the crawl.</summary>
    internal static async Task<(TestServer Site, TestServer External)> StartSiteWithExternalLinksAsync()
    {
        var external = await TestServer.StartAsync(c =>
        {
            switch (c.Request.Path.Value)
            {
                case "/page":
                    c.Response.ContentType = "text/html";
                    return c.Response.WriteAsync("<html><body><h1 id=present>Here</h1><a href=/never-followed>x</a></body></html>");
                case "/moved":
                    c.Response.Redirect("/page");
                    return Task.CompletedTask;
                case "/doc.pdf":
                    c.Response.ContentType = "application/pdf";
                    return Task.CompletedTask;
                default:
                    c.Response.StatusCode = 404;
                    return Task.CompletedTask;
            }
        });
        var site = await TestServer.StartAsync(c =>
        {
            c.Response.ContentType = "text/html";
            return c.Request.Path.Value == "/"
                ? c.Response.WriteAsync(string.Concat(ExternalLinks.Select(l => $"<a href=\"{new Uri(external.BaseUri, l).AbsoluteUri}\">{l}</a>\n")))
                : Task.FromResult(c.Response.StatusCode = 404);
        });
        return (site, external);
    }

    /// <summary>Crawls the site of <see cref="StartSiteWithExternalLinksAsync"/>: its links' rows by text, and the external server (for its hits).</summary>
    private static async Task<(Dictionary<string, CrawlResult> Rows, TestServer External)> CrawlExternalLinksAsync(bool checkExternal)
    {
        var (site, external) = await StartSiteWithExternalLinksAsync();
        await using var _ = site;
        await using var __ = external;
        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(site.BaseUri, s => s with { IncludeAll = true, IgnoreRobotsTxt = true, CheckExternalFragments = checkExternal }));
        return (sink.OfType<CrawlResult>().Where(r => r.Element == "a").ToDictionary(r => r.LinkText), external);
    }

    [Fact]
    public async Task CheckExternalFragmentsReadsEachExternalPageOnceForItsIds()
    {
        var (rows, external) = await CrawlExternalLinksAsync(checkExternal: true);

        Assert.Equal(ExternalLinks.Length, rows.Count);
        Assert.Equal(new[] { "/moved#absent", "/page#absent" },
            rows.Values.Where(r => r.FailureKind == FailureKind.MissingFragment).Select(r => r.LinkText).Order(StringComparer.Ordinal));
        Assert.Contains("'absent'", rows["/page#absent"].Reason);
        Assert.Equal(LinkStatus.Ok, rows["/page#present"].Status);
        Assert.Equal(LinkStatus.Ok, rows["/page#:~:text=hello"].Status);
        Assert.Equal(LinkStatus.Redirected, rows["/moved#present"].Status);
        Assert.Equal(LinkStatus.Ok, rows["/doc.pdf#page=2"].Status);
        Assert.Equal((LinkStatus.Broken, FailureKind.Http), (rows["/gone#x"].Status, rows["/gone#x"].FailureKind));

        // One GET per external page, however many links name it (/page twice: once for itself, once as where /moved
        // lands); a file type that is never a page is still a HEAD; the external page's own links are not followed.
        Assert.Equal((2, 0), (external.HitCount("GET", "/page"), external.HitCount("HEAD", "/page")));
        Assert.Equal(1, external.HitCount("GET", "/moved"));
        Assert.Equal((0, 1), (external.HitCount("GET", "/doc.pdf"), external.HitCount("HEAD", "/doc.pdf")));
        Assert.Equal(0, external.HitCount("HEAD", "/never-followed") + external.HitCount("GET", "/never-followed"));
    }

    [Fact]
    public async Task FragmentsOnPagesOutsideTheCrawlAreNotCheckedByDefault()
    {
        var (rows, external) = await CrawlExternalLinksAsync(checkExternal: false);

        Assert.Equal(new[] { "/gone#x" }, rows.Values.Where(r => r.Status == LinkStatus.Broken).Select(r => r.LinkText));
        Assert.Equal(0, external.HitCount("GET", "/page"));
    }
}
