using System.Text.Json;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Docs;

/// <summary>`linktools crawl &lt;folder&gt;` as a real process: the same output, annotations, reports and exit codes as a web crawl.</summary>
public class DocsCliTests
{
    [Fact]
    public async Task AFolderArgumentChecksTheDocumentationAndExitsWithOne()
    {
        var run = await CliProcess.RunAsync(null, "crawl", DocsFixture.Folder, "--offline", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var rows = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(12, rows.Count);
        Assert.Contains(rows, r => r.GetProperty("SourceUrl").GetString() == "README.md" && r.GetProperty("Line").GetInt32() == 13 && r.GetProperty("FailureKind").GetString() == "MissingFile");
        Assert.Contains("7 files read", run.StdErr);
    }

    [Fact]
    public async Task UnderAzurePipelinesEachBrokenLinkIsAnErrorOnItsFileAndAReportIsWritten()
    {
        using var temp = new TempDirectory();
        string report = Path.Combine(temp.Path, "docs.junit.xml");
        var run = await CliProcess.RunWithEnvironmentAsync(new Dictionary<string, string?> { ["TF_BUILD"] = "True", ["GITHUB_ACTIONS"] = null }, null,
            "crawl", DocsFixture.Folder, "--offline", "--format", "csv", "--report", report);
        Assert.Equal(1, run.ExitCode);
        var issues = run.StdErr.Split('\n').Where(l => l.StartsWith("##vso[task.logissue type=error;", StringComparison.Ordinal)).ToArray();
        Assert.Equal(12, issues.Length);
        Assert.Contains(issues, l => l.Contains("sourcepath=guide/setup.md", StringComparison.Ordinal));
        Assert.Contains("guide/faq.md", File.ReadAllText(report));
    }

    [Fact]
    public async Task AFolderWithNoBrokenLinkExitsWithZeroAndAMissingFolderWithTwo()
    {
        // reference/api.md links to ../guide: inside the root only when the root is the whole tree.
        var clean = await CliProcess.RunAsync(null, "crawl", Path.Combine(DocsFixture.Folder, "reference"), "--root-path", DocsFixture.Folder, "--offline");
        Assert.Equal(0, clean.ExitCode);
        var missing = await CliProcess.RunAsync(null, "crawl", Path.Combine(DocsFixture.Folder, "no-such-folder"), "--offline");
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("no-such-folder", missing.StdErr);
    }
}
