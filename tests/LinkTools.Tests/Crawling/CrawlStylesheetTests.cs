using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>A missing background image or web font is a broken page element: the crawl reads the site's own CSS.</summary>
public class CrawlStylesheetTests
{
    private static readonly IReadOnlyDictionary<string, (string Type, string Body)> Files = new Dictionary<string, (string Type, string Body)>
    {
        ["/"] = ("text/html", """
            <html><head><link rel="stylesheet" href="/css/site.css"><link rel="stylesheet" href="http://127.0.0.2:1/other.css">
            <style>.hero { background: url(img/hero-missing.jpg) }</style></head>
            <body style="background-image: url('/img/body-ok.png')"><div style="background:url(/img/div-missing.png)">x</div></body></html>
            """),
        ["/css/site.css"] = ("text/css", """
            @import url("more.css");
            /* url(commented-out.png) */
            .logo { background: url(../img/logo-ok.png) }
            .banner { background: url(../img/banner-missing.png) }
            @font-face { font-family: x; src: url("../fonts/ok.woff2") format("woff2"), url(../fonts/missing.woff) format("woff") }
            """),
        ["/css/more.css"] = ("text/css", ".icon { background: url(icons/missing.svg) }\n.ok { background: url(/img/logo-ok.png) }"),
        ["/css/not-css.css"] = ("text/plain", ".x { background: url(never-read.png) }"),
        ["/img/body-ok.png"] = ("image/png", "png"),
        ["/img/logo-ok.png"] = ("image/png", "png"),
        ["/fonts/ok.woff2"] = ("font/woff2", "woff2"),
    };

    private static Task<TestServer> StartSiteAsync(string? startPage = null) => TestServer.StartAsync(async c =>
    {
        string path = c.Request.Path.Value ?? "/";
        if (path == "/" && startPage != null)
        {
            c.Response.ContentType = "text/html";
            await c.Response.WriteAsync(startPage);
            return;
        }

        if (!Files.TryGetValue(path, out var file))
        {
            c.Response.StatusCode = 404;
            return;
        }

        c.Response.ContentType = file.Type;
        if (HttpMethods.IsGet(c.Request.Method)) await c.Response.WriteAsync(file.Body);
    });

    [Fact]
    public async Task MissingImagesAndFontsAreReportedWithTheStyleSheetAsTheirSource()
    {
        await using var server = await StartSiteAsync();
        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IgnoreRobotsTxt = true }));

        var broken = sink.OfType<CrawlResult>().Where(r => r.Status == LinkStatus.Broken)
            .Select(r => (new Uri(r.SourceUrl).AbsolutePath, r.Element, r.Attribute, new Uri(r.Url).AbsolutePath, r.Line))
            .OrderBy(r => r.Item4, StringComparer.Ordinal).ToArray();

        Assert.Equal(new[]
        {
            ("/css/more.css", "css", "url()", "/css/icons/missing.svg", 1),
            ("/css/site.css", "css", "url()", "/fonts/missing.woff", 5),
            ("/css/site.css", "css", "url()", "/img/banner-missing.png", 4),
            ("/", "div", "style", "/img/div-missing.png", 3),
            ("/", "style", "url()", "/img/hero-missing.jpg", 2),
            ("/", "link", "href", "/other.css", 1),   // another site's style sheet is checked, not read
        }, broken);
        Assert.Empty(sink.Errors);
        Assert.Equal(1, server.HitCount("GET", "/css/site.css"));
        Assert.Equal(1, server.HitCount("GET", "/css/more.css"));
        Assert.Equal(0, server.HitCount("GET", "/css/commented-out.png") + server.HitCount("HEAD", "/css/commented-out.png"));
    }

    [Fact]
    public async Task OnlyWhatIsServedAsCssIsReadAsCss()
    {
        await using var server = await StartSiteAsync("<link rel=stylesheet href=/css/not-css.css>");
        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IgnoreRobotsTxt = true, IncludeAll = true }));

        Assert.Equal(new[] { "/", "/css/not-css.css" }, sink.OfType<CrawlResult>().Select(r => new Uri(r.Url).AbsolutePath).Order(StringComparer.Ordinal));
    }
}
