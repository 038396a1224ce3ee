using LinkTools.Tests.Ci;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Triage;

namespace LinkTools.Tests.Cli;

/// <summary>`linktools check` on a build agent: annotations, baselines, suppressions and the run summary.</summary>
public class CheckPipelineTests : IDisposable
{
    private readonly TriageFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Dictionary<string, string?> Agent(string? tfBuild = null, string? githubActions = null, string? stepSummary = null) => new()
    {
        ["TF_BUILD"] = tfBuild,
        ["GITHUB_ACTIONS"] = githubActions,
        ["GITHUB_STEP_SUMMARY"] = stepSummary,
    };

    [Fact]
    public async Task AzureDevOpsAnnotationsGoToStderrAndStdoutStaysData()
    {
        await using var site = await TestLinkAnnotationTests.StartHostileSite();
        var run = await CliProcess.RunWithEnvironmentAsync(Agent(tfBuild: "True"), null, "check", "--format", "csv", "--retry-interval-sec", "0",
            site.Url("ok").AbsoluteUri, site.Url("missing").AbsoluteUri, site.Url("hostile").AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("##vso[", run.StdOut, StringComparison.Ordinal);
        var commands = run.StdErr.Split('\n').Where(l => l.Contains("##vso[", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, commands.Count(l => l.StartsWith("##vso[task.logissue type=error;sourcepath=", StringComparison.Ordinal)));
        // Progress appears only when a run lasts past the first progress interval; when it does, it is a command.
        Assert.All(commands.Where(l => l.Contains("setprogress", StringComparison.Ordinal)), l => Assert.Matches(@"^##vso\[task\.setprogress value=\d+;\]Test-Link$", l.TrimEnd('\r')));
        // The hostile reason phrase is in the log, but as text: every command line holds exactly one "##vso[".
        Assert.Contains(commands, l => l.Contains("result=Succeeded", StringComparison.Ordinal));
        Assert.All(commands, l => Assert.Equal(l.IndexOf("##vso[", StringComparison.Ordinal), l.LastIndexOf("##vso[", StringComparison.Ordinal)));
        Assert.All(commands, l => Assert.StartsWith("##vso[task.", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GitHubAnnotationsAndStepSummary()
    {
        await using var site = await TestLinkAnnotationTests.StartHostileSite();
        var summary = _files.Write("step-summary.md", "");
        var report = _files.PathOf("report.md");
        var run = await CliProcess.RunWithEnvironmentAsync(Agent(githubActions: "true", stepSummary: summary), null, "check", "--retry-interval-sec", "0",
            "--report", report, "--ci-summary", site.Url("ok").AbsoluteUri, site.Url("hostile").AbsoluteUri);

        Assert.Equal(1, run.ExitCode);
        var error = Assert.Single(run.StdErr.Split('\n'), l => l.StartsWith("::", StringComparison.Ordinal));
        Assert.StartsWith($"::error file=http%3A//127.0.0.1%3A{site.BaseUri.Port}/hostile,title=Broken link::", error);
        Assert.DoesNotContain("##vso[", error, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(report).TrimEnd(), File.ReadAllText(summary).TrimEnd());
    }

    [Fact]
    public async Task NoAnnotationsOutsideCi()
    {
        await using var site = await TestLinkAnnotationTests.StartHostileSite();
        var run = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--retry-interval-sec", "0", site.Url("missing").AbsoluteUri);
        Assert.Equal(1, run.ExitCode);
        Assert.DoesNotContain("##vso[", run.StdErr, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaselineFromAPreviousCsvRunFailsOnlyOnNewBreakage()
    {
        await using var site = await TestLinkAnnotationTests.StartHostileSite();
        var missing = site.Url("missing").AbsoluteUri;
        var first = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--format", "csv", "--retry-interval-sec", "0", missing, site.Url("ok").AbsoluteUri);
        Assert.Equal(1, first.ExitCode);
        var baseline = _files.Write("baseline.csv", first.StdOut);

        var again = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--format", "json", "--retry-interval-sec", "0", "--baseline", baseline, missing, site.Url("ok").AbsoluteUri);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains(again.Lines, l => l.Contains(missing) && l.Contains("\"BaselineState\":\"StillBroken\""));

        var worse = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--format", "json", "--retry-interval-sec", "0", "--baseline", baseline, missing, site.Url("missing/too").AbsoluteUri);
        Assert.Equal(1, worse.ExitCode);
        Assert.Contains(worse.Lines, l => l.Contains("missing/too") && l.Contains("\"BaselineState\":\"New\""));
    }

    [Fact]
    public async Task SuppressionsHideUntilExpiryAndExpiredOnesAreWarnedAbout()
    {
        await using var site = await TestLinkAnnotationTests.StartHostileSite();
        var future = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd");
        var past = DateTime.UtcNow.AddDays(-3).ToString("yyyy-MM-dd");
        var suppressions = _files.Write("suppress.txt",
            $"{site.BaseUri.AbsoluteUri}missing* | tracked in the backlog | {future}\n{site.BaseUri.AbsoluteUri}hostile | was due | {past}\n");

        var hidden = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--retry-interval-sec", "0", "--suppressions", suppressions, site.Url("missing").AbsoluteUri, site.Url("ok").AbsoluteUri);
        Assert.Equal(0, hidden.ExitCode);
        Assert.DoesNotContain(hidden.Lines, l => l.Contains("/missing"));
        Assert.Contains("warning: The suppression " + site.BaseUri.AbsoluteUri + "hostile (was due; expires " + past + ") has expired", hidden.StdErr);

        var lapsed = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--retry-interval-sec", "0", "--suppressions", suppressions, site.Url("hostile").AbsoluteUri);
        Assert.Equal(1, lapsed.ExitCode);
    }

    [Fact]
    public async Task BadBaselineAndSuppressionFilesAreUsageErrorsNamingTheFile()
    {
        var baseline = _files.Write("bad.json", "{\"Url\": ");
        var run = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--baseline", baseline, "http://127.0.0.1:1/");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(baseline, run.StdErr);

        var suppressions = _files.Write("bad.txt", "http://127.0.0.1:1/ | reason | someday\n");
        run = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--suppressions", suppressions, "http://127.0.0.1:1/");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(suppressions, run.StdErr);
        Assert.Contains("line 1", run.StdErr);

        run = await CliProcess.RunWithEnvironmentAsync(Agent(), null, "check", "--ci-summary", "--report", _files.PathOf("r.json"), "http://127.0.0.1:1/");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--ci-summary needs a Markdown --report", run.StdErr);
    }
}
