using System.Text.RegularExpressions;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// The CI definitions and the users' example pipelines keep their promises as text (no agent runs here): xunit and
/// Pester on Linux and Windows with both editions, both results published; the examples scheduled nightly and
/// publishing a JUnit report that Export-LinkReport writes.
/// </summary>
public class PipelineFilesTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(CmdletContractTests.RepoRoot(), relative)).Replace("\r\n", "\n");

    [Fact]
    public void AzurePipelinesRunsBothSuitesOnBothSystemsAndEditionsAndPublishesBothResults()
    {
        var yaml = Read("azure-pipelines.yml");
        Assert.Matches(@"vmImage:\s*ubuntu-", yaml);
        Assert.Matches(@"vmImage:\s*windows-", yaml);
        Assert.Matches(@"pwsh:\s*true", yaml);
        Assert.Matches(@"usePwsh:\s*false", yaml); // the Windows PowerShell 5.1 leg
        Assert.Matches(@"-Task Test\b", yaml.Replace("$(buildTask)", "Test"));
        Assert.Matches(@"testResultsFormat:\s*VSTest\s*\n\s*testResultsFiles:\s*TestResults/xunit/\*\.trx", yaml);
        Assert.Matches(@"testResultsFormat:\s*NUnit\s*\n\s*testResultsFiles:\s*TestResults/pester/\*\.xml", yaml);
        // Results are published even when tests fail.
        Assert.Equal(Regex.Matches(yaml, @"task:\s*PublishTestResults@2").Count, Regex.Matches(yaml, @"task:\s*PublishTestResults@2\s*\n\s*displayName:[^\n]*\n\s*condition:\s*(and\()?succeededOrFailed\(\)").Count);
    }

    [Fact]
    public void GitHubActionsRunsTheSameLegsAndPublishesBothResults()
    {
        var yaml = Read(".github/workflows/ci.yml");
        Assert.Contains("os: ubuntu-latest", yaml);
        Assert.Matches(@"os: windows-latest\s*\n\s*shell: pwsh", yaml);
        Assert.Matches(@"os: windows-latest\s*\n\s*shell: powershell", yaml); // Windows PowerShell 5.1
        Assert.Contains("./build.ps1 -Task ${{ matrix.task }}", yaml);
        Assert.Contains("results/**/*.trx", yaml);
        Assert.Contains("results/**/pester/*.xml", yaml);
    }

    [Theory]
    [InlineData("examples/azure-pipelines-nightly-links.yml")]
    [InlineData("examples/github-nightly-links.yml")]
    public void TheNightlyExamplesCrawlOnAScheduleAndPublishAJUnitReport(string file)
    {
        var yaml = Read(file);
        Assert.Matches(@"cron:\s*'[^']+'", yaml);
        Assert.Contains("Invoke-SiteCrawl", yaml);
        var junit = Regex.Match(yaml, @"Export-LinkReport -Format JUnit -Path '?([^'\s]+)'?");
        Assert.True(junit.Success, file + " writes no JUnit report");
        var published = junit.Groups[1].Value;
        Assert.True(yaml.Contains("testResultsFiles: " + published, StringComparison.Ordinal) || yaml.Contains("files: " + published, StringComparison.Ordinal),
            $"{file} writes {published} but does not publish it");
        // Every cmdlet and parameter an example uses exists.
        foreach (Match use in Regex.Matches(yaml, @"\b(Invoke-SiteCrawl|Export-LinkReport|Test-Link)\b([^\n|]*)"))
        {
            var type = CmdletContractTests.Cmdlets().Single(c => c.Name == use.Groups[1].Value).Type;
            foreach (Match parameter in Regex.Matches(use.Groups[2].Value, @"(?<=\s)-([A-Za-z]+)"))
            {
                Assert.True(type.GetProperty(parameter.Groups[1].Value) != null, $"{file}: {use.Groups[1].Value} has no -{parameter.Groups[1].Value}");
            }
        }
    }
}
