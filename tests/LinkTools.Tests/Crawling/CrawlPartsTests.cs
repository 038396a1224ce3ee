using System.IO.Compression;
using System.Text;
using LinkTools.Core.Crawling;
using LinkTools.Core.Text;

namespace LinkTools.Tests.Crawling;

/// <summary>The crawl engine's parts on their own: normalizing, extracting, robots.txt, sitemaps, sniffing.</summary>
public class CrawlPartsTests
{
    [Theory]
    [InlineData("HTTP://Example.TEST:80/a/./b/../c?x=1#frag", "http://example.test/a/c?x=1")]
    [InlineData("https://example.test:443/", "https://example.test/")]
    [InlineData("https://example.test", "https://example.test/")]
    [InlineData("http://example.test:8080/%7euser/%2f%41", "http://example.test:8080/~user/%2FA")]
    [InlineData("http://example.test/a%20b?q=%e2%82%ac", "http://example.test/a%20b?q=%E2%82%AC")]
    public void NormalizedUrlsAreTheVisitedSetsKeys(string input, string expected)
    {
        Assert.Equal(expected, UrlNormalizer.Key(new Uri(input)));
    }

    [Fact]
    public void FragmentsAreKeptAsTheUrlHasThemAndDecodedOnlyForTheSecondLookUp()
    {
        // The HTML standard looks an id up as the URL has it first (rustdoc writes ids like "impl-Borrow%3CT%3E").
        Assert.Equal("section%201", UrlNormalizer.FragmentOf(new Uri("http://example.test/p#section%201")));
        Assert.Equal("section 1", UrlNormalizer.PercentDecode("section%201"));
        Assert.Equal("", UrlNormalizer.FragmentOf(new Uri("http://example.test/p")));
    }

    [Theory]
    [InlineData("a.png 1x, b.png 2x", new[] { "a.png", "b.png" })]
    [InlineData("  a.png  ,b.png 640w,c.png", new[] { "a.png", "b.png", "c.png" })]
    [InlineData("data:image/png;base64,AAA= 1x, d.png 2x", new[] { "data:image/png;base64,AAA=", "d.png" })]
    [InlineData("a.png,, b.png", new[] { "a.png", "b.png" })]
    [InlineData("", new string[0])]
    public void SrcSetCandidatesAreSplitAsBrowsersDo(string srcset, string[] expected)
    {
        Assert.Equal(expected, SrcSet.Parse(srcset));
    }

    [Fact]
    public void LinksComeFromEveryLoadingOrNavigatingElementWithBaseHrefAndLines()
    {
        const string html = "<!DOCTYPE html>\n<html><head><base href=\"https://cdn.example.test/v2/\">\n" +
                            "<link rel=stylesheet href=\"site.css\"><link rel=preconnect href=\"https://fonts.example.test\">\n" +
                            "<meta http-equiv=\"refresh\" content=\"5; URL='/next'\"></head>\n<body>\n" +
                            "<a href=\"page.html#part\">  The\n  page </a>\n" +
                            "<a href=\"//other.example.test/x\">Other</a>\n" +
                            "<img src=\"i.png\" srcset=\"i2.png 2x\" alt=\"Pic\">\n" +
                            "<script src=\"/app.js\"></script><iframe src=\"frame.html\"></iframe>\n" +
                            "<video src=\"v.mp4\" poster=\"p.jpg\"><source src=\"v.webm\"></video><audio src=\"a.mp3\"></audio>\n" +
                            "<map><area href=\"area.html\"></map><a href=\"mailto:x@example.test\">m</a><a>no href</a>\n" +
                            "<h2 id=\"part\">Part</h2><a name=\"old\"></a>\n</body></html>";
        var page = LinkExtractor.Extract(html, new Uri("https://site.example.test/dir/index.html"));
        var links = page.Links.Select(l => (l.Element, l.Attribute, l.Target?.AbsoluteUri)).ToList();

        Assert.Contains(("link", "href", "https://cdn.example.test/v2/site.css"), links);
        Assert.DoesNotContain(links, l => l.AbsoluteUri == "https://fonts.example.test/");
        Assert.Contains(("meta", "content", "https://cdn.example.test/next"), links);
        Assert.Contains(("a", "href", "https://cdn.example.test/v2/page.html#part"), links);
        Assert.Contains(("a", "href", "https://other.example.test/x"), links);
        Assert.Contains(("img", "src", "https://cdn.example.test/v2/i.png"), links);
        Assert.Contains(("img", "srcset", "https://cdn.example.test/v2/i2.png"), links);
        Assert.Contains(("script", "src", "https://cdn.example.test/app.js"), links);
        Assert.Contains(("iframe", "src", "https://cdn.example.test/v2/frame.html"), links);
        Assert.Contains(("video", "src", "https://cdn.example.test/v2/v.mp4"), links);
        Assert.Contains(("video", "poster", "https://cdn.example.test/v2/p.jpg"), links);
        Assert.Contains(("source", "src", "https://cdn.example.test/v2/v.webm"), links);
        Assert.Contains(("audio", "src", "https://cdn.example.test/v2/a.mp3"), links);
        Assert.Contains(("area", "href", "https://cdn.example.test/v2/area.html"), links);
        Assert.Contains(("a", "href", "mailto:x@example.test"), links);
        Assert.Equal(14, links.Count);

        var anchor = page.Links.Single(l => l.Raw == "page.html#part");
        Assert.Equal("The page", anchor.Text);
        Assert.Equal(6, anchor.Line);
        Assert.Equal("Pic", page.Links.Single(l => l.Attribute == "srcset").Text);
        Assert.True(page.Anchors.SetEquals(new[] { "part", "old" }));
    }

    [Fact]
    public void CharsetComesFromBomThenHeaderThenMeta()
    {
        var latin1 = Encoding.Latin1;
        byte[] meta = latin1.GetBytes("<html><head><meta charset=\"iso-8859-1\"></head><body><a href=\"/caf\u00e9\">x</a></body></html>");
        Assert.Contains("caf\u00e9", HtmlDecoding.Decode(meta, null));
        Assert.Contains("caf\u00e9", HtmlDecoding.Decode(latin1.GetBytes("<a href=\"/caf\u00e9\">"), "ISO-8859-1"));
        byte[] bom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<a href=\"/caf\u00e9\">")).ToArray();
        Assert.Equal("<a href=\"/caf\u00e9\">", HtmlDecoding.Decode(bom, "iso-8859-1"));
    }

    [Theory]
    [InlineData("text/html", "anything", true)]
    [InlineData("application/xhtml+xml", "<?xml?>", true)]
    [InlineData(null, "<html><body>", true)]
    [InlineData(null, " \n<!DOCTYPE HTML>", true)]
    [InlineData(null, "<PRE>text", false)]                    // a tag must end at a space or '>'
    [InlineData(null, "<p>text", true)]
    [InlineData(null, "<!-- c --><a href=x>", true)]
    [InlineData("unknown/unknown", "<TABLE border=1>", true)]
    [InlineData(null, "just text <html>", false)]
    [InlineData(null, "<htmlx>", false)]
    [InlineData("text/plain", "  <!DOCTYPE html><html>", false)]   // a browser shows text/plain as text
    [InlineData("application/octet-stream", "<!DOCTYPE html><html>", false)]   // and downloads octet-stream
    [InlineData("text/plain", "just text <html>", false)]
    [InlineData("image/png", "<html><body>", false)]
    [InlineData("application/javascript", "<!doctype html>", false)]
    public void OnlyHtmlIsParsedAndOnlyAMissingOrUnknownTypeIsSniffed(string? type, string body, bool expected)
    {
        Assert.Equal(expected, HtmlDecoding.IsHtml(type, Encoding.ASCII.GetBytes(body)));
    }

    [Fact]
    public void RobotsTxtPicksTheAgentsGroupAndTheLongestRule()
    {
        const string text = "# comment\nUser-agent: *\nDisallow: /private/\nAllow: /private/open$\nCrawl-delay: 2\n\n" +
                            "User-agent: LinkTools\nUser-agent: other\nDisallow: /no-linktools\nDisallow: /*.pdf$\nAllow: /no-linktools/ok\n\nSitemap: https://example.test/sitemap.xml\n";
        var star = RobotsTxt.Parse(text, "SomeBot/1.0");
        Assert.False(star.IsAllowed(new Uri("https://example.test/private/x")));
        Assert.True(star.IsAllowed(new Uri("https://example.test/private/open")));
        Assert.False(star.IsAllowed(new Uri("https://example.test/private/open/more")));
        Assert.True(star.IsAllowed(new Uri("https://example.test/no-linktools")));
        Assert.Equal(TimeSpan.FromSeconds(2), star.CrawlDelay);

        var ours = RobotsTxt.Parse(text, "LinkTools/0.1.0 (link checker)");
        Assert.True(ours.IsAllowed(new Uri("https://example.test/private/x")));
        Assert.False(ours.IsAllowed(new Uri("https://example.test/no-linktools/page")));
        Assert.True(ours.IsAllowed(new Uri("https://example.test/no-linktools/ok")));
        Assert.False(ours.IsAllowed(new Uri("https://example.test/docs/a.pdf")));
        Assert.True(ours.IsAllowed(new Uri("https://example.test/docs/a.pdf?download=1")));
        Assert.Null(ours.CrawlDelay);
        Assert.Equal(new[] { "https://example.test/sitemap.xml" }, ours.Sitemaps);
    }

    [Fact]
    public void OnlyTheSitemapNamespacesLocIsAPage()
    {
        const string set = """
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"
                    xmlns:video="http://www.google.com/schemas/sitemap-video/1.1" xmlns:xhtml="http://www.w3.org/1999/xhtml">
              <url><loc>https://example.test/a</loc>
                <image:image><image:loc>https://example.test/photo.jpg</image:loc></image:image>
                <video:video><video:content_loc>https://example.test/v.mp4</video:content_loc><video:loc>https://example.test/v2.mp4</video:loc></video:video>
                <xhtml:link rel="alternate" hreflang="de" href="https://example.test/de/a"/></url>
              <url><loc>https://example.test/b</loc></url>
            </urlset>
            """;
        const string bare = "<urlset><url><loc>https://example.test/no-namespace</loc></url></urlset>";
        const string foreign = "<urlset xmlns=\"urn:other\"><url><loc>https://example.test/other</loc></url></urlset>";

        Assert.Equal(new[] { "https://example.test/a", "https://example.test/b" }, SitemapDocument.Parse(Encoding.UTF8.GetBytes(set), 1 << 20).Pages);
        Assert.Equal(new[] { "https://example.test/no-namespace" }, SitemapDocument.Parse(Encoding.UTF8.GetBytes(bare), 1 << 20).Pages);
        Assert.Empty(SitemapDocument.Parse(Encoding.UTF8.GetBytes(foreign), 1 << 20).Pages);
    }

    [Fact]
    public void SitemapsAreReadGzippedOrNotAndDtdsAreRefused()
    {
        const string index = "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><sitemap><loc> https://example.test/s1.xml </loc></sitemap></sitemapindex>";
        const string set = "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://example.test/a</loc><lastmod>2024-01-01</lastmod></url><url><loc>https://example.test/b</loc></url></urlset>";
        Assert.Equal(new[] { "https://example.test/s1.xml" }, SitemapDocument.Parse(Encoding.UTF8.GetBytes(index), 1 << 20).Sitemaps);

        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(set));
        var parsed = SitemapDocument.Parse(buffer.ToArray(), 1 << 20);
        Assert.Equal(new[] { "https://example.test/a", "https://example.test/b" }, parsed.Pages);

        const string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><urlset><url><loc>&lol;</loc></url></urlset>";
        Assert.Throws<InvalidDataException>(() => SitemapDocument.Parse(Encoding.UTF8.GetBytes(bomb), 1 << 20));
        Assert.Throws<InvalidDataException>(() => SitemapDocument.Parse(Encoding.UTF8.GetBytes("not xml"), 1 << 20));
    }

    [Fact]
    public void ScopeIsTheStartOriginOptionallyUnderItsFolderAndPatternsFilter()
    {
        var scope = new CrawlScope(new Uri("https://example.test/docs/v2/index.html"), stayUnderPath: true, new[] { "example" }, new[] { @"\.pdf$" });
        Assert.True(scope.IsInside(new Uri("https://example.test/docs/v2/guide")));
        Assert.False(scope.IsInside(new Uri("https://example.test/docs/v1/guide")));
        Assert.False(scope.IsInside(new Uri("http://example.test/docs/v2/guide")));
        Assert.False(scope.IsInside(new Uri("https://example.test:8443/docs/v2/guide")));
        Assert.True(scope.ShouldCheck(new Uri("https://example.test/a")));
        Assert.False(scope.ShouldCheck(new Uri("https://example.test/a.PDF")));
        Assert.False(scope.ShouldCheck(new Uri("https://other.test/a")));
        Assert.Throws<ArgumentException>(() => CrawlScope.Compile(new[] { "(" }));
        Assert.True(CrawlScope.IsObviouslyNotAPage(new Uri("https://example.test/a/logo.PNG")));
        Assert.False(CrawlScope.IsObviouslyNotAPage(new Uri("https://example.test/a.b/page")));
    }

    [Fact]
    public void AMovedScopeSitsAtTheNewStartAndKeepsItsFolderRuleAndPatterns()
    {
        var scope = new CrawlScope(new Uri("http://example.test/docs/v2/"), stayUnderPath: true, new[] { "example" }, new[] { @"\.pdf$" })
            .MovedTo(new Uri("https://www.example.test/docs/v3/index.html"));
        Assert.True(scope.IsInside(new Uri("https://www.example.test/docs/v3/guide")));
        Assert.False(scope.IsInside(new Uri("https://www.example.test/docs/v2/guide")));
        Assert.False(scope.IsInside(new Uri("http://example.test/docs/v3/guide")));
        Assert.True(scope.IsSameOrigin(new Uri("https://www.example.test/robots.txt")));
        Assert.True(scope.ShouldCheck(new Uri("https://www.example.test/a")));
        Assert.False(scope.ShouldCheck(new Uri("https://www.example.test/a.pdf")));
        Assert.False(scope.ShouldCheck(new Uri("https://other.test/a")));
    }
}
