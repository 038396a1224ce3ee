using LinkTools.Core.Text;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LinkTools.Tests.Crawling;

/// <summary>
/// `linktools crawl` of a page whose link texts, link URLs and reason phrases try to issue Azure Pipelines and GitHub
/// Actions commands or spreadsheet formulas: under either agent and in every format, the only commands printed are
/// the crawler's own annotations, and no CSV cell starts a formula.
/// </summary>
public class CrawlHostileTextTests
{
    private const string Page = """
        <!DOCTYPE html><html><body>
        <a href="/missing?q=##vso[task.setvariable variable=LEAK]1">##vso[task.complete result=Succeeded]done</a>
        <a href="/gone">=HYPERLINK("http://evil.invalid/","open")</a>
        <a href="/moved">@SUM(A1)</a>
        <a href="/ok">+cmd|' /C calc'!A0</a>
        <a href="/ok2">-2+3</a>
        <a href="/ok3">::error::from link text</a>
        </body></html>
        """;

    private const string HostileReason = "Gone ##vso[task.complete result=Succeeded;]done ::error::owned";

    private static Task<TestServer> StartHostileSite() => TestServer.StartAsync(async c =>
    {
        switch (c.Request.Path.Value)
        {
            case "/":
                c.Response.ContentType = "text/html; charset=utf-8";
                await c.Response.WriteAsync(Page);
                break;
            case "/missing":
                c.Response.StatusCode = 404;
                break;
            case "/gone":
                c.Response.StatusCode = 410;
                c.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = HostileReason;
                break;
            case "/moved":
                c.Response.StatusCode = 302;
                c.Response.Headers.Location = "/landing?to=##vso[task.setvariable variable=LEAK]1";
                break;
            case "/landing":
                c.Response.StatusCode = 404;
                break;
        }
    });

    public static TheoryData<string> Formats() => new() { "table", "json", "csv" };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task OnlyTheCrawlersOwnAnnotationsAreCommandsAndNoCsvCellIsAFormula(string format)
    {
        await using var site = await StartHostileSite();
        var agents = new Dictionary<string, Dictionary<string, string?>>
        {
            ["Azure Pipelines"] = new() { ["TF_BUILD"] = "True", ["GITHUB_ACTIONS"] = null },
            ["GitHub Actions"] = new() { ["TF_BUILD"] = null, ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = null },
        };

        foreach (var (agent, environment) in agents)
        {
            var run = await CliProcess.RunWithEnvironmentAsync(environment, null,
                "crawl", site.BaseUri.AbsoluteUri, "--format", format, "--include-all", "--maximum-retry-count", "0");

            Assert.True(run.ExitCode == 1, $"{agent}, {format}: exit code {run.ExitCode}\n{run.StdErr}");
            // The hostile texts reached the output (as data), so the checks below have something to hold.
            Assert.Contains("owned", run.StdOut + run.StdErr);
            if (format != "table") Assert.Contains("HYPERLINK", run.StdOut); // the table has no link text column

            var ours = 0;
            foreach (var line in (run.StdOut + "\n" + run.StdErr).Split('\n').Select(l => l.TrimEnd('\r')))
            {
                var trimmed = line.TrimStart();
                if (line.StartsWith("##vso[task.logissue type=error;", StringComparison.Ordinal) || line.StartsWith("::error file=", StringComparison.Ordinal))
                {
                    ours++;
                    // Ours, with no second "##vso[" in it (GitHub reads "::" commands only at the start of a line).
                    Assert.True(line.IndexOf("##vso[", 1, StringComparison.Ordinal) < 0, $"{agent}, {format}: {line}");
                    continue;
                }

                Assert.False(line.Contains("##vso[", StringComparison.Ordinal), $"{agent}, {format}: agent command in line: {line}");
                Assert.False(trimmed.StartsWith("##[", StringComparison.Ordinal), $"{agent}, {format}: agent command at line start: {line}");
                Assert.False(trimmed.StartsWith("::", StringComparison.Ordinal), $"{agent}, {format}: agent command at line start: {line}");
            }

            // The broken links, each annotated on the page that holds it: /missing, /gone and /moved's 404 landing.
            Assert.Equal(3, ours);

            if (format == "csv")
            {
                var cells = CsvText.Records(new StringReader(run.StdOut)).SelectMany(record => record).ToArray();
                Assert.All(cells, cell => Assert.False(cell.Length > 0 && "=+-@".Contains(cell[0]), $"{agent}: CSV cell starts a formula: {cell}"));
                Assert.Contains("'=HYPERLINK(\"http://evil.invalid/\",\"open\")", cells);
                Assert.Contains("'@SUM(A1)", cells);
            }
        }
    }
}
