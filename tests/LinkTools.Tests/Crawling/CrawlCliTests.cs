using System.Diagnostics;
using System.Text.Json;

namespace LinkTools.Tests.Crawling;

/// <summary>`linktools crawl` run as a real process: output formats, the summary on stderr, exit codes.</summary>
public class CrawlCliTests
{
    private static (int ExitCode, string Stdout, string Stderr) Linktools(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(LinkTools.Cli.Program).Assembly.Location);
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("linktools did not finish in 90 s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Fact]
    public void CrawlDemoWritesJsonLinesOfTheBrokenLinksAndExitsWithOne()
    {
        var (exitCode, stdout, stderr) = Linktools("crawl", "--demo", "--format", "json");
        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(11, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.GetProperty("IsBroken").GetBoolean());
            Assert.StartsWith("http://127.0.0.1:", json.RootElement.GetProperty("SourceUrl").GetString());
        }

        Assert.Contains("pages crawled", stderr);
    }

    [Fact]
    public void CsvHasOneHeaderAndTheCrawlColumns()
    {
        var (exitCode, stdout, _) = Linktools("crawl", "--demo", "--format", "csv", "--include-all");
        Assert.Equal(1, exitCode);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("SourceUrl,Url,FinalUrl,Status,IsBroken,StatusCode,FailureKind,Reason,Element,Attribute,LinkText,Line,Depth,ElapsedMs", lines[0]);
        Assert.True(lines.Length > 20);
    }

    [Fact]
    public void BadInputExitsWithTwo()
    {
        Assert.Equal(2, Linktools("crawl", "not a url").ExitCode);
        Assert.Equal(2, Linktools("crawl", "--demo", "--include", "(").ExitCode);
    }
}
