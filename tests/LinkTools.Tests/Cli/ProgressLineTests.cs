using LinkTools.Cli.Output;
using LinkTools.Core.Pipeline;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Cli;

/// <summary>The CLI's progress: on stderr only, live and erased on a terminal, a plain line now and then in a log, none with --quiet.</summary>
public class ProgressLineTests
{
    /// <summary>A chain of pages each answering in 300 ms: a crawl of several seconds.</summary>
    private static Task<TestServer> SlowChainAsync() => TestServer.StartAsync(async c =>
    {
        await Task.Delay(300);
        if (!int.TryParse(c.Request.Path.Value!.TrimStart('/'), out int n)) n = 0;
        c.Response.ContentType = "text/html";
        await c.Response.WriteAsync(n < 13 ? $"<a href=\"/{n + 1}\">next</a>" : "end");
    });

    [Fact]
    public async Task ARedirectedStderrGetsAPlainProgressLineEveryFewSecondsAndStdoutNone()
    {
        await using var server = await SlowChainAsync();
        var run = await CliProcess.RunAsync(null, "crawl", server.BaseUri.AbsoluteUri, "--ignore-robots-txt", "--format", "csv");
        Assert.Equal(0, run.ExitCode);
        var progress = run.StdErr.Split('\n').Where(l => l.StartsWith("progress: ", StringComparison.Ordinal)).ToList();
        Assert.InRange(progress.Count, 1, 2);
        Assert.Contains("pages crawled", progress[0]);
        Assert.Contains("requests/s", progress[0]);
        Assert.DoesNotContain("\u001b", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("progress", run.StdOut);
    }

    [Fact]
    public async Task QuietPrintsNoProgress()
    {
        await using var server = await SlowChainAsync();
        var run = await CliProcess.RunAsync(null, "crawl", server.BaseUri.AbsoluteUri, "--ignore-robots-txt", "--quiet");
        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("progress: ", run.StdErr);
        Assert.Contains("pages crawled", run.StdErr);
    }

    [Fact]
    public async Task VerbosePrintsTheSummaryOnce()
    {
        var run = await CliProcess.RunAsync(null, "crawl", "--demo", "--verbose", "--quiet");
        Assert.Single(run.StdErr.Split('\n'), l => l.Contains("pages crawled", StringComparison.Ordinal));
    }

    [Fact]
    public void OnATerminalTheLineIsRedrawnInPlaceCutToTheWidthAndErasedAtTheEnd()
    {
        var writer = new StringWriter();
        var line = new ProgressLine(writer, live: true, width: 40);
        line.Show(new ProgressInfo(1, "Crawl \u001b[31mred", "10 pages crawled, and a long tail of words that does not fit"));
        line.Show(new ProgressInfo(1, "Crawl", "11 pages crawled")); // within 250 ms: not drawn
        line.Show(new ProgressInfo(1, "Crawl", "done") { Completed = true });

        string text = writer.ToString();
        var drawn = text.Split("\r\u001b[K", StringSplitOptions.RemoveEmptyEntries);
        var only = Assert.Single(drawn);
        Assert.True(only.Length <= 39, only);
        Assert.StartsWith("Crawl  [31mred: 10 pages", only);
        Assert.EndsWith("\r\u001b[K", text);
        Assert.DoesNotContain('\n', text);
    }

    [Fact]
    public void TheCommandLineNamesItsOwnOptions()
    {
        Assert.Equal("raise --max-concurrency-per-host, not --throttle-limit; -Foo and https://x/-Retry stay",
            CliNames.Translate("raise -MaxConcurrencyPerHost, not -ThrottleLimit; -Foo and https://x/-Retry stay"));
    }
}
