using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>
/// A hostile robots.txt: wildcard patterns built to backtrack, and percent-encoding as RFC 9309 §2.2.2 compares it.
/// Matching costs a pass over the rules, never an exponential search, and a crawl with such a file still stops on Ctrl+C.
/// </summary>
public class RobotsFaultTests
{
    private static readonly string LongPath = "/" + new string('a', 120);

    private static string Wildcards(int count) => "/" + string.Concat(Enumerable.Repeat("*a", count)) + "*b";

    [Theory]
    [InlineData(6)]
    [InlineData(26)]
    public async Task APatternBuiltToBacktrackIsMatchedInOnePass(int wildcards)
    {
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {Wildcards(wildcards)}\nDisallow: {Wildcards(wildcards)}$\n", "LinkTools/1.0");
        var uri = new Uri("http://127.0.0.1" + LongPath);

        bool allowed = await Invariants.WithinAsync(TimeSpan.FromSeconds(5), () => Task.Factory.StartNew(
            () => robots.IsAllowed(uri), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

        Assert.True(allowed); // no 'b' in the path: neither rule matches
        Assert.False(robots.IsAllowed(new Uri("http://127.0.0.1" + LongPath + "b")));
    }

    [Fact]
    public async Task ACrawlWithAPathologicalRobotsFileEndsAndStopsWhenAsked()
    {
        string robotsText = $"User-agent: *\nDisallow: {Wildcards(26)}\n";
        await using var server = RawServer.Start((r, c, ct) => r.Target switch
        {
            "/robots.txt" => c.RespondAsync(200, "Content-Type: text/plain\r\n", robotsText, ct),
            "/" => c.RespondAsync(200, "Content-Type: text/html\r\n", $"<a href=\"{LongPath}\">long</a><a href=\"{LongPath}b\">blocked</a>", ct),
            _ => c.RespondAsync(200, "Content-Type: text/plain\r\n", "", ct),
        });
        var settings = CrawlFaultRun.Settings(server.Url("/"), s => s with { IgnoreRobotsTxt = false });
        var started = new TaskCompletionSource<SiteCrawlOperation>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stopper = Task.Run(async () => { var crawl = await started.Task; await Task.Delay(TimeSpan.FromSeconds(3)); crawl.Stop(); });

        // Ends on its own, or within moments of Stop (Ctrl+C): never held by the matcher.
        var sink = await Invariants.WithinAsync(TimeSpan.FromSeconds(10), () => Task.Factory.StartNew(() =>
        {
            var recording = new RecordingSink();
            using var operation = new SiteCrawlOperation(settings, recording);
            started.SetResult(operation);
            operation.Run();
            return recording;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        await stopper;

        Assert.Equal(0, sink.OffThreadCalls);
        var results = sink.OfType<CrawlResult>().ToList();
        Assert.Contains(results, r => r.Url == server.Url(LongPath).AbsoluteUri && r.Status == LinkStatus.Ok);
        Assert.Contains(results, r => r.Url == server.Url(LongPath + "b").AbsoluteUri && r.Status == LinkStatus.Skipped && r.Reason.Contains("robots.txt"));
    }

    // RFC 9309 §2.2.2's table, and the same with the pattern and the path swapped.
    [Theory]
    [InlineData("/foo/bar?baz=https://foo.bar", "/foo/bar?baz=https://foo.bar")]
    [InlineData("/foo/bar/\u30C4", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%E3%83%84", "/foo/bar/\u30C4")]
    [InlineData("/foo/bar/%e3%83%84", "/foo/bar/%E3%83%84")]
    [InlineData("/foo/bar/%62%61%7A", "/foo/bar/baz")]
    [InlineData("/foo/bar/baz", "/foo/bar/%62%61%7A")]
    public void PercentEncodingIsComparedInOneForm(string pattern, string path)
    {
        var robots = RobotsTxt.Parse($"User-agent: *\nDisallow: {pattern}$\n", "LinkTools/1.0");
        Assert.False(robots.IsAllowed(new Uri("http://127.0.0.1" + path)), $"{pattern} should match {path}");
    }

    [Fact]
    public void AnEncodedSlashIsNotASlash()
    {
        var robots = RobotsTxt.Parse("User-agent: *\nDisallow: /a/b\n", "LinkTools/1.0");
        Assert.True(robots.IsAllowed(new Uri("http://127.0.0.1/a%2Fb")));
        Assert.False(robots.IsAllowed(new Uri("http://127.0.0.1/a/b")));
    }
}
