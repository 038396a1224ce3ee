using System.Diagnostics;
using LinkTools.Tests.Infrastructure;
using System.Text.Json;

namespace LinkTools.Tests.Crawling;

/// <summary>`linktools crawl` run as a real process: output formats, the summary on stderr, exit codes.</summary>
public class CrawlCliTests
{
    private static (int ExitCode, string Stdout, string Stderr) Linktools(params string[] args)
    {
        var run = CliProcess.RunAsync(null, args).GetAwaiter().GetResult();
        return (run.ExitCode, run.StdOut, run.StdErr);
    }

    [Fact]
    public async Task UnderAzurePipelinesEachBrokenLinkIsAnErrorOnItsPage()
    {
        var run = await CliProcess.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["TF_BUILD"] = "True", ["GITHUB_ACTIONS"] = null }, null, "crawl", "--demo", "--format", "csv");
        Assert.Equal(1, run.ExitCode);
        var issues = run.StdErr.Split('\n').Where(l => l.StartsWith("##vso[task.logissue type=error;", StringComparison.Ordinal)).ToArray();
        Assert.Equal(11, issues.Length);
        Assert.All(issues, l => Assert.Contains("sourcepath=http://127.0.0.1:", l));
        Assert.DoesNotContain("##vso[", run.StdOut, StringComparison.Ordinal);
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
    public async Task CheckExternalFragmentsReportsTheFragmentsAnotherSiteLacks()
    {
        var (site, external) = await FragmentTests.StartSiteWithExternalLinksAsync();
        await using var _ = site;
        await using var __ = external;
        string[] args = { "crawl", site.BaseUri.AbsoluteUri, "--ignore-robots-txt", "--format", "csv", "--maximum-retry-count", "0" };

        var off = await CliProcess.RunAsync(null, args);
        var on = await CliProcess.RunAsync(null, args.Append("--check-external-fragments").ToArray());

        Assert.Equal((1, 1), (off.ExitCode, on.ExitCode)); // /gone#x is a 404 either way
        Assert.DoesNotContain("MissingFragment", off.StdOut);
        var missing = on.StdOut.Split('\n').Where(l => l.Contains(",MissingFragment,")).Select(l => l.Split(',')[1]).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { new Uri(external.BaseUri, "/moved#absent").AbsoluteUri, new Uri(external.BaseUri, "/page#absent").AbsoluteUri }, missing);
    }

    [Fact]
    public void BadInputExitsWithTwo()
    {
        Assert.Equal(2, Linktools("crawl", "not a url").ExitCode);
        Assert.Equal(2, Linktools("crawl", "--demo", "--include", "(").ExitCode);
    }

    [Fact]
    public void APageCapOverTheEnginesLimitIsAUsageErrorNamingTheOption()
    {
        var (exitCode, _, stderr) = Linktools("crawl", "http://127.0.0.1:9/", "--max-page-bytes", "2000000000");
        Assert.Equal(2, exitCode);
        Assert.Contains("--max-page-bytes", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }
}
