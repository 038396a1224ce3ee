using System.Text.Json;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Packaging;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Caching;

/// <summary>The result cache between runs (-CachePath, --cache): what is believed, what is always asked again, and the file.</summary>
public class ResultCacheTests
{
    private static TestLinkSettings Settings(string cachePath, TimeSpan? maxAge = null, Func<EngineOptions, EngineOptions>? configure = null)
    {
        var engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20), MaximumRetryCount = 0 };
        var cache = new ResultCacheSettings(cachePath);
        if (maxAge is TimeSpan age) cache = cache with { MaxAge = age };
        return new TestLinkSettings { Engine = configure == null ? engine : configure(engine), Cache = cache };
    }

    private static RecordingSink Run(TestLinkSettings settings, params string[] urls)
    {
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(settings, sink);
        operation.Process(urls);
        operation.End();
        Assert.Empty(sink.Errors);
        return sink;
    }

    private static Task<TestServer> Server() => TestServer.StartAsync(c =>
    {
        c.Response.StatusCode = c.Request.Path.StartsWithSegments("/missing") ? 404 : 200;
        return Task.CompletedTask;
    });

    [Fact]
    public async Task AWorkingLinkCheckedWithinTheAgeIsReportedFromTheCacheWithoutARequest()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        await using var server = await Server();
        var url = server.Url("/ok").AbsoluteUri;

        var first = Assert.Single(Run(Settings(path), url).OfType<LinkResult>());
        int requestsAfterFirst = server.Requests;
        var second = Assert.Single(Run(Settings(path), url).OfType<LinkResult>());

        Assert.False(first.FromCache);
        Assert.Equal(1, first.Attempts);
        Assert.Equal(requestsAfterFirst, server.Requests);
        Assert.True(second.FromCache);
        Assert.Equal(0, second.Attempts);
        Assert.Equal(LinkStatus.Ok, second.Status);
        Assert.Equal(200, second.StatusCode);
        Assert.Equal(url, second.Url);
        Assert.Equal(first.CheckedAt, second.CheckedAt);
        Assert.Equal(first.Reason, second.Reason);
    }

    [Fact]
    public async Task AnEntryOlderThanTheAgeIsCheckedAgain()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        await using var server = await Server();
        var url = server.Url("/ok").AbsoluteUri;

        Run(Settings(path), url);
        await Task.Delay(50);
        var again = Assert.Single(Run(Settings(path, maxAge: TimeSpan.FromMilliseconds(20)), url).OfType<LinkResult>());

        Assert.False(again.FromCache);
        Assert.Equal(2, server.HitCount("HEAD", "/ok"));
    }

    [Fact]
    public async Task BrokenLinksAreAlwaysCheckedAgainAndABrokenResultReplacesAnOlderOk()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        bool fail = false;
        await using var server = await TestServer.StartAsync(c =>
        {
            c.Response.StatusCode = c.Request.Path.StartsWithSegments("/missing") || (fail && c.Request.Path.StartsWithSegments("/flips")) ? 404 : 200;
            return Task.CompletedTask;
        });
        var missing = server.Url("/missing").AbsoluteUri;
        var flips = server.Url("/flips").AbsoluteUri;

        Run(Settings(path), missing, flips);
        var second = Run(Settings(path), missing, flips).OfType<LinkResult>().ToDictionary(r => r.Url);
        Assert.False(second[missing].FromCache);
        Assert.Equal(LinkStatus.Broken, second[missing].Status);
        Assert.True(second[flips].FromCache);

        // The cached Ok is believed within the age; once too old, the link is asked again, and its broken verdict is
        // what the next run sees (never the older Ok).
        fail = true;
        var third = Assert.Single(Run(Settings(path, maxAge: TimeSpan.Zero), flips).OfType<LinkResult>());
        var fourth = Assert.Single(Run(Settings(path), flips).OfType<LinkResult>());
        Assert.Equal(LinkStatus.Broken, third.Status);
        Assert.False(fourth.FromCache);
        Assert.Equal(LinkStatus.Broken, fourth.Status);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("{\"Format\":\"LinkTools.ResultCache\",\"Version\":99,\"Entries\":[]}")]
    [InlineData("[1,2,3]")]
    public async Task AnUnusableFileIsMovedAsideWithAWarningAndTheRunChecksEverything(string content)
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        File.WriteAllText(path, content);
        await using var server = await Server();
        var url = server.Url("/ok").AbsoluteUri;

        var sink = Run(Settings(path), url);

        var warning = Assert.Single(sink.Warnings);
        Assert.Contains(path, warning);
        Assert.Contains("was not used because", warning);
        var aside = Assert.Single(Directory.GetFiles(temp.Path, "links.cache.json.corrupt-*"));
        Assert.Equal(content, File.ReadAllText(aside));
        Assert.False(Assert.Single(sink.OfType<LinkResult>()).FromCache);
        Assert.True(Assert.Single(Run(Settings(path), url).OfType<LinkResult>()).FromCache);
    }

    [Fact]
    public async Task ConcurrentRunsSavingTheSameFileLoseNothingAndLeaveItReadable()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        await using var server = await Server();
        const int runs = 8;

        // Each run checks its own URLs and saves into the one file at the same moment as the others.
        await Task.WhenAll(Enumerable.Range(0, runs).Select(n => Task.Run(() =>
            Run(Settings(path), Enumerable.Range(0, 5).Select(i => server.Url($"/run{n}/link{i}").AbsoluteUri).ToArray()))));

        var all = Enumerable.Range(0, runs).SelectMany(n => Enumerable.Range(0, 5).Select(i => server.Url($"/run{n}/link{i}").AbsoluteUri)).ToArray();
        int before = server.Requests;
        var results = Run(Settings(path), all).OfType<LinkResult>().ToList();
        Assert.Equal(runs * 5, results.Count);
        Assert.All(results, r => Assert.True(r.FromCache, r.Url));
        Assert.Equal(before, server.Requests);
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }

    [Fact]
    public async Task TheFileKeepsTheNewestEntriesUpToItsCap()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        await using var server = await Server();
        for (int i = 0; i < 5; i++)
        {
            var settings = Settings(path);
            settings = settings with { Cache = settings.Cache! with { MaxEntries = 3 } };
            Run(settings, server.Url($"/page{i}").AbsoluteUri);
            await Task.Delay(5);
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var urls = document.RootElement.GetProperty("Entries").EnumerateArray().Select(e => e.GetProperty("Url").GetString()).ToArray();
        Assert.Equal(new[] { "/page4", "/page3", "/page2" }.Select(p => server.Url(p).AbsoluteUri), urls);
        Assert.Equal("LinkTools.ResultCache", document.RootElement.GetProperty("Format").GetString());
        Assert.Equal(2, document.RootElement.GetProperty("Version").GetInt32());
    }

    [Fact]
    public async Task TheFileNeverHoldsHeaderValuesCredentialsOrUserInfo()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.cache.json");
        await using var server = await Server();
        var withUser = new UriBuilder(server.Url("/private")) { UserName = "alice", Password = "hunter2" }.Uri.AbsoluteUri;

        var settings = Settings(path, configure: e => e with { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer secret-token-123" } });
        Run(settings, server.Url("/ok").AbsoluteUri, withUser);
        var second = Run(Settings(path), withUser).OfType<LinkResult>().Single();

        var text = File.ReadAllText(path);
        Assert.DoesNotContain("secret-token-123", text);
        Assert.DoesNotContain("Authorization", text);
        Assert.DoesNotContain("alice", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.Contains(server.Url("/ok").AbsoluteUri, text);
        Assert.False(second.FromCache);
    }

    [Fact]
    public async Task ASecondCrawlFetchesEveryPageAgainButReadsItsCheckedLinksFromTheCache()
    {
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "crawl.cache.json");
        await using var partner = await Server();
        await using var site = await new PageSite()
            .Add("/", "text/html", $"<a href=\"/about\">about</a><img src=\"/logo.png\"><a href=\"{partner.Url("/ext")}\">x</a><a href=\"{partner.Url("/missing")}\">gone</a>")
            .Add("/about", "text/html", "<a href=\"/\">home</a><script src=\"/app.js\"></script>")
            .StartAsync();

        CrawlSummary Crawl(out List<CrawlResult> rows)
        {
            var settings = new CrawlSettings
            {
                StartUrl = site.Url("/"),
                IncludeAll = true,
                IgnoreRobotsTxt = true,
                Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20), MaximumRetryCount = 0 },
                Cache = new ResultCacheSettings(path),
            };
            var sink = new RecordingSink();
            var summary = SiteCrawlOperation.Run(settings, sink);
            Assert.Empty(sink.Errors);
            rows = sink.OfType<CrawlResult>().ToList();
            return summary;
        }

        var first = Crawl(out var firstRows);
        int partnerAfterFirst = partner.Requests;
        int siteAfterFirst = site.Requests;
        var second = Crawl(out var secondRows);

        Assert.DoesNotContain(firstRows, r => r.FromCache);
        // Pages are fetched again (their links may have changed): GET / and GET /about, nothing else on the site.
        Assert.Equal(2, site.Requests - siteAfterFirst);
        Assert.Equal(2, site.HitCount("GET", "/about"));
        Assert.Equal(1, site.HitCount("HEAD", "/logo.png"));
        Assert.Equal(1, site.HitCount("HEAD", "/app.js"));
        // The partner's broken link is asked again (HEAD, then the confirming GET); its working link is not.
        Assert.Equal(2, partner.Requests - partnerAfterFirst);
        Assert.Equal(1, partner.HitCount("HEAD", "/ext"));
        Assert.Equal(2, partner.HitCount("HEAD", "/missing"));
        // The summary counts the same: the three cached checks (logo, script, the partner's page) are not requests.
        Assert.Equal(first.Requests - 3, second.Requests);

        var byUrl = secondRows.GroupBy(r => r.Url).ToDictionary(g => g.Key, g => g.First());
        Assert.True(byUrl[site.Url("/logo.png").AbsoluteUri].FromCache);
        Assert.True(byUrl[partner.Url("/ext").AbsoluteUri].FromCache);
        Assert.False(byUrl[site.Url("/about").AbsoluteUri].FromCache);
        Assert.False(byUrl[partner.Url("/missing").AbsoluteUri].FromCache);
        Assert.Equal(LinkStatus.Broken, byUrl[partner.Url("/missing").AbsoluteUri].Status);
        Assert.Equal(first.Broken, second.Broken);
    }
}
