using System.Diagnostics;
using LinkTools.Cli;
using LinkTools.Cli.Commands;
using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Monitoring;

public sealed class WatchCliTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("watch-cli");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public void WatchAndUptimeAreCommandsWithTheKebabCaseOptions()
    {
        var root = Program.BuildRoot();
        var watch = root.Subcommands.Single(c => c.Name == "watch");
        Assert.Contains(root.Subcommands, c => c.Name == "uptime");
        foreach (var name in new[] { "--interval-sec", "--retry", "--failure-threshold", "--once", "--state-path", "--history-path", "--webhook-url", "--smtp-server", "--fail-on", "--throttle-limit", "--canary-uri", "--notify-batch-sec", "--notification-timeout-sec" })
        {
            Assert.Contains(watch.Options, o => o.Name == name);
        }

        Assert.NotEmpty(root.Parse(new[] { "watch", "--fail-on", "Sideways", "http://127.0.0.1:1/" }).Errors);
        Assert.Empty(root.Parse(new[] { "watch", "--fail-on", "Down", "--once", "http://127.0.0.1:1/" }).Errors);
    }

    [Fact]
    public void ACsvSiteListGivesPerRowExpectations()
    {
        var path = Path.Combine(_dir.FullName, "sites.csv");
        File.WriteAllLines(path, new[]
        {
            "Name,Url,ExpectStatus,ExpectContent",
            "Shop,https://shop.test/,200-299,\"Add to cart, now\"",
            ",https://blog.test/,,",
        });
        var rows = new List<SiteRow>();
        Assert.True(SiteListFile.TryRead(path, rows, out var error), error);
        Assert.Equal(new SiteRow("https://shop.test/", "Shop", "Add to cart, now", "200-299", null), rows[0]);
        Assert.Equal(new SiteRow("https://blog.test/", null, null, null, null), rows[1]);

        var list = Path.Combine(_dir.FullName, "sites.txt");
        File.WriteAllLines(list, new[] { "# sites", "https://a.test/", "", "https://b.test/" });
        var plain = new List<SiteRow>();
        Assert.True(SiteListFile.TryRead(list, plain, out _));
        Assert.Equal(new[] { "https://a.test/", "https://b.test/" }, plain.Select(r => r.Url));
    }

    [Fact]
    public void AQuotedCellInASiteListMayHoldALineBreakAndAnUnclosedQuoteIsAnError()
    {
        var path = Path.Combine(_dir.FullName, "sites.csv");
        File.WriteAllText(path, "Url,Name,ExpectContent\r\nhttps://shop.test/,Shop,\"Welcome\r\nto the shop\"\r\n\r\nhttps://blog.test/,Blog,\r\n");
        var rows = new List<SiteRow>();
        Assert.True(SiteListFile.TryRead(path, rows, out var error), error);
        Assert.Equal(new[]
        {
            new SiteRow("https://shop.test/", "Shop", "Welcome\r\nto the shop", null, null),
            new SiteRow("https://blog.test/", "Blog", null, null, null),
        }, rows);

        File.WriteAllText(path, "Url,Name\nhttps://a.test/,\"Unclosed\n");
        Assert.False(SiteListFile.TryRead(path, new List<SiteRow>(), out error));
        Assert.Contains("quoted CSV field", error);
        Assert.Contains(path, error);
    }

    [Theory]
    [InlineData(WatchLimits.NotificationTimeoutSecMin - 1)]
    [InlineData(WatchLimits.NotificationTimeoutSecMax + 1)]
    public async Task AnOutOfRangeNotificationTimeoutExitsWithTwoNamingTheOption(int seconds)
    {
        var run = await CliProcess.RunAsync(null, "watch", "http://127.0.0.1:1/", "--once", "--notification-timeout-sec", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"--notification-timeout-sec must be between {WatchLimits.NotificationTimeoutSecMin} and {WatchLimits.NotificationTimeoutSecMax}", run.StdErr);
    }

    [Fact]
    public async Task TheNotificationTimeoutStopsAWebhookThatNeverAnswers()
    {
        // The site is Down at once (threshold 1, no retry), so --once alerts; the webhook holds every post open.
        await using var server = await TestServer.StartAsync(async c =>
        {
            if (c.Request.Path == "/hook")
            {
                try { await Task.Delay(Timeout.Infinite, c.RequestAborted); }
                catch (OperationCanceledException) { }
            }
            else
            {
                c.Response.StatusCode = 500;
            }
        });

        var clock = Stopwatch.StartNew();
        var run = await CliProcess.RunAsync(null, "watch", server.Url("down").ToString(), "--once", "--retry", "0", "--failure-threshold", "1",
            "--webhook-url", server.Url("hook").ToString(), "--notification-timeout-sec", "1");
        clock.Stop();

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("did not finish within 1 s", run.StdErr);
        // Well under the 30 s default: the option, not the default, bounded the post.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Theory]
    [InlineData("hooks/x", "not a valid absolute URL")]
    [InlineData("ftp://127.0.0.1/hooks/x", "unsupported scheme 'ftp'")]
    public async Task ARelativeOrNonHttpWebhookUrlExitsWithTwoBeforeAnyCheck(string hook, string reason)
    {
        // Nothing listens on the site's port: had the watch started, the run would report it Down and exit 0.
        var run = await CliProcess.RunAsync(null, "watch", "http://127.0.0.1:1/", "--once", "--retry", "0", "--webhook-url", hook);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--webhook-url", run.StdErr);
        Assert.Contains(reason, run.StdErr);
        Assert.Equal("", run.StdOut.Trim());
    }
}
