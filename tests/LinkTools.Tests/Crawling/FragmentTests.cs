using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
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
        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s =>
        {
            s.IncludeAll = true;
            s.IgnoreRobotsTxt = true;
            s.CheckFragments = true;
        }));
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
}
