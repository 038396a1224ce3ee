using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>
/// What LinkTools already gets right and must keep, crawled from a page served on loopback: &lt;base href&gt;, srcset,
/// picture/source, meta refresh, preconnect and dns-prefetch (not links), a redirect chain, and a retried 503.
/// Fragment forms and text fragments have theirs in <see cref="FragmentTests"/>.
/// </summary>
public class BrowserFixtureTests
{
    private const string Home = """
        <html><head><base href="/sub/">
        <meta http-equiv="refresh" content="5; url=refreshed.html">
        <link rel="preconnect" href="http://127.0.0.2:1/"><link rel="dns-prefetch" href="//127.0.0.3:1/">
        </head><body>
        <img src="logo.png" srcset="logo-2x.png 2x, missing-3x.png 3x" alt="logo">
        <picture><source srcset="hero.webp 1x, hero-missing.webp 2x" type="image/webp"><img src="hero.png" alt="hero"></picture>
        <a href="chain">chain</a> <a href="flaky">flaky</a>
        </body></html>
        """;

    [Fact]
    public async Task APageWithBaseSrcsetPictureRefreshHintsRedirectsAndRetriesGivesTheExpectedLinksAndVerdicts()
    {
        int flaky = 0;
        await using var server = await TestServer.StartAsync(c =>
        {
            string path = c.Request.Path.Value!;
            switch (path)
            {
                case "/":
                    c.Response.ContentType = "text/html";
                    return c.Response.WriteAsync(Home);
                case "/sub/chain":
                    c.Response.Redirect("/sub/chain2", permanent: true);
                    return Task.CompletedTask;
                case "/sub/chain2":
                    c.Response.Redirect("end.html");
                    return Task.CompletedTask;
                case "/sub/flaky" when Interlocked.Increment(ref flaky) == 1:
                    c.Response.StatusCode = 503;
                    return Task.CompletedTask;
            }

            if (path.Contains("missing")) return Task.FromResult(c.Response.StatusCode = 404);
            c.Response.ContentType = path.EndsWith(".png") ? "image/png" : path.EndsWith(".webp") ? "image/webp" : "text/html";
            return c.Response.WriteAsync(c.Response.ContentType == "text/html" ? "<p>no links</p>" : "img");
        });

        var (sink, _) = SiteCrawlTests.Crawl(SiteCrawlTests.Settings(server.BaseUri, s => s with { IncludeAll = true, IgnoreRobotsTxt = true, Engine = s.Engine with { MaximumRetryCount = 2 } }));
        var rows = sink.OfType<CrawlResult>().Where(r => r.Element != "start").ToList();

        var expected = new[]
        {
            ("/sub/refreshed.html", "meta", "content", LinkStatus.Ok),
            ("/sub/logo.png", "img", "src", LinkStatus.Ok),
            ("/sub/logo-2x.png", "img", "srcset", LinkStatus.Ok),
            ("/sub/missing-3x.png", "img", "srcset", LinkStatus.Broken),
            ("/sub/hero.webp", "source", "srcset", LinkStatus.Ok),
            ("/sub/hero-missing.webp", "source", "srcset", LinkStatus.Broken),
            ("/sub/hero.png", "img", "src", LinkStatus.Ok),
            ("/sub/chain", "a", "href", LinkStatus.Redirected),
            ("/sub/flaky", "a", "href", LinkStatus.Ok),
        };
        Assert.Equal(expected.Order(), rows.Select(r => (new Uri(r.Url).AbsolutePath, r.Element, r.Attribute, r.Status)).Order());

        // The chain is followed hop by hop to where it ends; the 503 was retried once, not reported.
        var chain = rows.Single(r => r.Element == "a" && r.Url.EndsWith("/chain"));
        Assert.Equal(new Uri(server.BaseUri, "/sub/end.html").AbsoluteUri, chain.FinalUrl);
        Assert.Contains("2 redirects", chain.Reason);
        Assert.Equal(2, server.HitCount("GET", "/sub/flaky"));

        // Resource hints name an origin to warm up: neither is a link, and neither was requested.
        Assert.DoesNotContain(rows, r => r.Url.Contains("127.0.0.2") || r.Url.Contains("127.0.0.3"));
    }
}
