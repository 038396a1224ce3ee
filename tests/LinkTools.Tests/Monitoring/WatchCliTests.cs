using LinkTools.Cli;
using LinkTools.Cli.Commands;

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
        foreach (var name in new[] { "--interval-sec", "--retry", "--failure-threshold", "--once", "--state-path", "--history-path", "--webhook-url", "--smtp-server", "--fail-on", "--throttle-limit", "--canary-uri", "--notify-batch-sec" })
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
}
