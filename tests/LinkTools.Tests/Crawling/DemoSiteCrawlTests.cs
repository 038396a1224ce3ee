using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Crawling;

/// <summary>The built-in demo site's known broken links: `Invoke-SiteCrawl -Demo` and `linktools crawl --demo` must find exactly these.</summary>
public class DemoSiteCrawlTests
{
    internal static readonly (string Source, string Target, FailureKind Kind)[] KnownBroken =
    {
        ("site:/", "site:/missing-page", FailureKind.Http),                          // deleted page (404)
        ("site:/", "site:/images/logo@3x.png", FailureKind.Http),                   // missing image in srcset
        ("site:/", "site:/print.css", FailureKind.Http),                            // missing stylesheet
        ("site:/about.html", "site:/contact", FailureKind.Http),                    // the server fails (500)
        ("site:/about.html", "site:/docs/guide.html#uninstall", FailureKind.MissingFragment),
        ("site:/about.html", "site:/loop-a", FailureKind.RedirectLoop),
        ("site:/about.html", "partner:/gone", FailureKind.Http),                    // retired page on another site (410)
        ("site:/docs/guide.html", "site:/images/diagram.png", FailureKind.Http),    // missing image
        ("site:/docs/api/", "site:/docs/api/v1/deprecated.html", FailureKind.Http), // dead link under <base href>
        ("site:/blog/", "site:/blog/2024/old-post.html", FailureKind.Http),
        ("site:/blog/2024/hello.html", "site:/media/intro-poster.jpg", FailureKind.Http), // missing video poster
    };

    private static string Label(DemoSite demo, string url) => Label(demo.BaseUri, demo.PartnerUri, url);

    internal static string Label(Uri site, Uri partner, string url) =>
        url.StartsWith(site.AbsoluteUri) ? "site:/" + url.Substring(site.AbsoluteUri.Length)
        : url.StartsWith(partner.AbsoluteUri) ? "partner:/" + url.Substring(partner.AbsoluteUri.Length)
        : url;

    private static CrawlSettings Settings(DemoSite demo) => new()
    {
        StartUrl = demo.BaseUri,
        Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(10), RetryInterval = TimeSpan.FromMilliseconds(20) },
    };

    [Fact]
    public void TheCrawlFindsExactlyTheDemoSitesKnownBrokenLinks()
    {
        using var demo = DemoSite.Start();
        var sink = new RecordingSink();
        var summary = SiteCrawlOperation.Run(Settings(demo), sink);

        var found = sink.OfType<CrawlResult>().Select(r => (Label(demo, r.SourceUrl), Label(demo, r.Url), r.FailureKind)).OrderBy(x => x.Item2).ToArray();
        Assert.Equal(KnownBroken.OrderBy(x => x.Target).ToArray(), found);
        Assert.Equal(KnownBroken.Length, summary.Broken);
        Assert.Empty(sink.Errors);
        Assert.Equal(0, sink.OffThreadCalls);
        Assert.True(summary.Pages == 9, summary.ToString());
    }

    [Fact]
    public void TheDemoSitemapHasOneOrphanAndRobotsTxtKeepsTheAdminPageOut()
    {
        using var demo = DemoSite.Start();
        var settings = Settings(demo) with { DiscoverSitemap = true, ReportOrphans = true, IncludeSkipped = true };
        var sink = new RecordingSink();
        SiteCrawlOperation.Run(settings, sink);

        var notLinked = sink.OfType<OrphanPage>().Where(o => o.Kind == OrphanKind.NotLinked).Select(o => Label(demo, o.Url));
        Assert.Equal(new[] { "site:/docs/legacy.html" }, notLinked);
        Assert.Contains(sink.OfType<CrawlResult>(), r => r.Url.EndsWith("/private/admin") && r.Status == LinkStatus.Skipped && r.Reason.Contains("robots.txt"));
        Assert.Equal(KnownBroken.Length, sink.OfType<CrawlResult>().Count(r => r.IsBroken));
    }

    [Fact]
    public void TheCheckListForTestLinkStillWorks()
    {
        using var demo = DemoSite.Start();
        Assert.Equal(11, demo.CheckList().Count());
        Assert.All(demo.CheckList(), url => Assert.StartsWith("http://127.0.0.1:", url));
    }
}
