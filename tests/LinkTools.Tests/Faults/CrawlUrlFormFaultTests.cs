using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Unusual but valid ways to write a link, resolved and normalized as a browser does. Links to other hosts are left
/// out by -Exclude, so their normalized form is asserted without a DNS lookup or a request.
/// </summary>
public class CrawlUrlFormFaultTests
{
    private const string Foreign = @"\.test[:/]";

    [Fact]
    public async Task UnusualButValidHrefsAreResolvedNormalizedAndEachReportedOnce()
    {
        string html = "<!doctype html><body>" +
                      "<a href=\"/dir/a b\">space</a>" +
                      "<a href=\"HTTP://127.0.0.1:{port}/dir/Upper\">upper-case scheme</a>" +
                      "<a href=\"http://EXAMPLE.Test/Path\">upper-case host</a>" +
                      "<a href=\"http://bücher.example.test/\">IDN host</a>" +
                      "<a href=\"http://xn--bcher-kva.example.test/\">the same host in ASCII</a>" +
                      "<a href=\"/dir/%7Euser/%41\">escaped unreserved</a>" +
                      "<a href=\"/dir/%c3%a9\">lower-case escape</a>" +
                      "<a href=\"../dir/./x/../dots\">dot segments</a>" +
                      "<a href=\"http://example.test:80/p\">default http port</a>" +
                      "<a href=\"https://example.test:443/p\">default https port</a>" +
                      "<a href=\"\">empty</a>" +
                      "<a href=\"   \">whitespace only</a>" +
                      "<a href=\"\t\n\">tab and newline only</a>" +
                      "<a href=\"#\">hash</a>" +
                      "<a href=\"//127.0.0.1:{port}/dir/protocol-relative\">protocol-relative</a>" +
                      "<a href=\"  /dir/trimmed  \">padded</a>" +
                      "<a href=\"/dir/new\nline\">newline inside</a>" +
                      "</body>";
        var site = new PageSite();
        await using var server = await site.StartAsync();
        site.Add("/dir/page.html", "text/html", html.Replace("{port}", server.BaseUri.Port.ToString()));

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/dir/page.html"), s => s with { Exclude = s.Exclude.Append(Foreign).ToArray() }));

        var page = server.Url("/dir/page.html");
        string Local(string pathAndQuery) => server.Url(pathAndQuery).AbsoluteUri;
        var expected = new[]
        {
            Local("/dir/a%20b"),
            Local("/dir/Upper"),
            "http://example.test/Path",
            new Uri("http://bücher.example.test/").AbsoluteUri,
            "http://xn--bcher-kva.example.test/",
            Local("/dir/%7Euser/%41"),
            Local("/dir/%c3%a9"),
            Local("/dir/dots"),
            "http://example.test/p",
            "https://example.test/p",
            Local("/dir/page.html#"),
            Local("/dir/protocol-relative"),
            Local("/dir/trimmed"),
            Local("/dir/newline"),
        };
        Assert.True(expected.Length == run.On(page).Count, string.Join("\n", run.On(page).Select(r => r.Url)));
        run.AssertLinksOnce(page, expected);

        // Empty and whitespace-only hrefs point at the page itself: nothing to check, so they are not reported.
        Assert.All(run.On(page).Where(r => r.Url.Contains(".test")), r => Assert.Equal(LinkStatus.Skipped, r.Status));
        Assert.All(run.On(page).Where(r => !r.Url.Contains(".test")), r => Assert.Equal(LinkStatus.Ok, r.Status));

        // One host however it is written: the crawler's key is the ASCII (punycode) form browsers send.
        Assert.Equal("http://xn--bcher-kva.example.test/", Core.Crawling.UrlNormalizer.Key(new Uri("http://bücher.example.test/")));

        // Escapes of unreserved characters name the same resource as the characters: fetched once.
        Assert.Equal(1, server.HitCount("GET", "/dir/~user/A") + server.HitCount("GET", "/dir/%7Euser/%41"));
        Assert.All(server.Hits, hit => Assert.True(hit.Value == 1, $"{hit.Key} was requested {hit.Value} times"));
    }
}
