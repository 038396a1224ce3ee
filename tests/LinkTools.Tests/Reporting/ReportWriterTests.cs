using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using LinkTools.Core.Checking;
using LinkTools.Core.Reporting;
using LinkTools.Model.Checking;
using LinkTools.Model.Reporting;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Reporting;

public class ReportWriterTests
{
    [Fact]
    public void JUnitIsValidAgainstTheJUnitSchemaWithBrokenLinksAsFailures()
    {
        var xml = ReportSamples.Render(new JUnitReportWriter(), ReportSamples.Mixed());

        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(CmdletContractTests.RepoRoot(), "tests", "LinkTools.Tests", "Reporting", "junit.xsd"));
        var document = XDocument.Parse(xml);
        var problems = new List<string>();
        document.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.Empty(problems);

        var root = document.Root!;
        Assert.Equal("5", (string?)root.Attribute("tests"));
        Assert.Equal("2", (string?)root.Attribute("failures"));
        Assert.Equal("1", (string?)root.Attribute("skipped"));
        var missing = document.Descendants("testcase").Single(c => (string?)c.Attribute("name") == "http://127.0.0.1:8080/missing");
        var failure = Assert.Single(missing.Elements("failure"));
        Assert.Equal("Http", (string?)failure.Attribute("type"));
        Assert.Contains("HTTP 404 Not Found", failure.Value);
        Assert.Single(document.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).EndsWith("/walled")).Elements("skipped"));
    }

    [Fact]
    public void JUnitGroupsLinksFoundOnAPageIntoThatPagesSuiteAndNamesThePageInTheFailure()
    {
        var report = new Report("Crawl", new[]
        {
            new ReportRow { Origin = "Crawl", Source = "http://127.0.0.1/about", Url = "http://127.0.0.1/gone", Status = "Broken", Outcome = ReportOutcome.Failed, Reason = "HTTP 410 Gone" },
            new ReportRow { Origin = "Crawl", Source = "http://127.0.0.1/about", Url = "http://127.0.0.1/", Status = "Ok", Outcome = ReportOutcome.Passed },
            new ReportRow { Origin = "Crawl", Source = "http://127.0.0.1/", Url = "http://127.0.0.1/about", Status = "Ok", Outcome = ReportOutcome.Passed },
        }, DateTimeOffset.UtcNow);

        var document = XDocument.Parse(ReportSamples.Render(new JUnitReportWriter(), report));

        var about = document.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == "http://127.0.0.1/about");
        Assert.Equal("2", (string?)about.Attribute("tests"));
        Assert.Contains("Found on: http://127.0.0.1/about", about.Descendants("failure").Single().Value);
    }

    [Fact]
    public void JUnitCarriesHostileTextAsDataOnly()
    {
        var xml = ReportSamples.Render(new JUnitReportWriter(), ReportSamples.Mixed());

        Assert.DoesNotContain("<script>", xml);
        NoCommand(xml);
        Assert.DoesNotContain('\u0001', xml);
        var failure = XDocument.Parse(xml).Descendants("failure").Single(f => f.Value.Contains("HTTP 500"));
        Assert.Contains("<script>alert(1)</script> ]]> &", failure.Value);
    }

    [Fact]
    public void MarkdownHasASummaryTableAndTheBrokenLinksGroupedByPage()
    {
        var report = new Report("Crawl", new[]
        {
            new ReportRow { Source = "http://127.0.0.1/about", Url = "http://127.0.0.1/gone", Status = "Broken", Outcome = ReportOutcome.Failed, StatusCode = 410, Reason = "HTTP 410 Gone" },
            new ReportRow { Source = "http://127.0.0.1/", Url = "http://127.0.0.1/missing", Status = "Broken", Outcome = ReportOutcome.Failed, StatusCode = 404, Reason = "HTTP 404 Not Found" },
            new ReportRow { Source = "http://127.0.0.1/", Url = "http://127.0.0.1/about", Status = "Ok", Outcome = ReportOutcome.Passed },
        }, DateTimeOffset.UtcNow);

        var markdown = ReportSamples.Render(new MarkdownReportWriter(), report);

        Assert.Contains("**2 broken** of 3 checked.", markdown);
        Assert.Contains("| Broken | 2 |", markdown);
        Assert.Contains("| Ok | 1 |", markdown);
        Assert.Contains("**On `http://127.0.0.1/about`**", markdown);
        Assert.Contains("| `http://127.0.0.1/gone` | 410 | HTTP 410 Gone |", markdown);
        Assert.Equal(2, Regex.Matches(markdown, @"^\*\*On ", RegexOptions.Multiline).Count);
    }

    [Fact]
    public void MarkdownEscapesHostileTextSoItCannotBreakTheTableAddMarkupOrIssueCommands()
    {
        var markdown = ReportSamples.Render(new MarkdownReportWriter(), ReportSamples.Mixed());

        NoCommand(markdown);
        Assert.DoesNotContain("<script>", markdown);
        Assert.DoesNotContain("](http://evil)", markdown);
        // Every table row keeps its column count: escaped pipes do not split cells.
        var rows = markdown.Split('\n').Where(l => l.StartsWith("| `http")).ToArray();
        Assert.Equal(2, rows.Length);
        foreach (var line in rows)
        {
            Assert.Equal(4, Regex.Matches(line, @"(?<!\\)\|").Count);
        }
    }

    [Fact]
    public void MarkdownEscapesOnlyWhatMarkdownActsOnAndShowsUrlsAsCode()
    {
        var report = new Report("Nightly 2026-12-02 (main)", new[]
        {
            new ReportRow { Url = "http://127.0.0.1/missing-page_v2?a=(1)|2", Status = "Broken", Outcome = ReportOutcome.Failed, StatusCode = 404, Reason = "snake_case-name on 2026-12-02 (see #4) *bold* _em_ `code` [x](y) a|b" },
        }, DateTimeOffset.UtcNow);

        var markdown = ReportSamples.Render(new MarkdownReportWriter(), report);

        Assert.Contains("## Nightly 2026-12-02 (main)", markdown);
        Assert.Contains("| `http://127.0.0.1/missing-page_v2?a=(1)%7C2` | 404 | snake_case-name on 2026-12-02 (see #4) \\*bold\\* \\_em\\_ \\`code\\` \\[x\\]\\(y) a\\|b |", markdown);
    }

    [Fact]
    public void JsonHoldsEveryRowAndCountAndNeitherMarkupNorCommands()
    {
        var json = ReportSamples.Render(new JsonReportWriter(), ReportSamples.Mixed());

        Assert.DoesNotContain("<", json);
        NoCommand(json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal(5, document.RootElement.GetProperty("rows").GetArrayLength());
        Assert.Equal(2, document.RootElement.GetProperty("failed").GetInt32());
        Assert.Equal(2, document.RootElement.GetProperty("statusCounts").GetProperty("Broken").GetInt32());
        var hostile = document.RootElement.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("statusCode").GetInt32() == 500);
        Assert.Contains("<script>alert(1)</script>", hostile.GetProperty("reason").GetString());
    }

    [Fact]
    public void HtmlIsOneSelfContainedFileWhoseDataCannotBecomeMarkup()
    {
        var html = ReportSamples.Render(new HtmlReportWriter(), ReportSamples.Mixed());

        Assert.DoesNotContain("{{TITLE}}", html);
        Assert.DoesNotContain("/*DATA*/", html);
        NoCommand(html);
        // Nothing is loaded from anywhere: no src or href attributes, and a policy that forbids the network.
        Assert.DoesNotMatch(@"\s(src|href)\s*=", html);
        Assert.Contains("default-src 'none'", html);
        // The hostile "<script>" never appears as markup: only the two scripts of the template exist.
        Assert.Equal(2, Regex.Matches(html, "<script", RegexOptions.IgnoreCase).Count);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);

        var data = Regex.Match(html, "<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var document = JsonDocument.Parse(data);
        Assert.Equal(5, document.RootElement.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public void RowsReadBackFromACsvFileBecomeRowsAgain()
    {
        var builder = new ReportBuilder();
        var csvRow = new Dictionary<string, object?>
        {
            ["Url"] = "http://127.0.0.1/missing", ["Status"] = "Broken", ["StatusCode"] = "404",
            ["FailureKind"] = "Http", ["Reason"] = "HTTP 404 Not Found", ["ElapsedMs"] = "12", ["CheckedAt"] = "2026-11-22T01:02:03+00:00",
        };

        Assert.True(builder.TryAdd(csvRow));
        Assert.False(builder.TryAdd(new Dictionary<string, object?> { ["Name"] = "not a result" }));
        Assert.False(builder.TryAdd("just a string"));
        var row = Assert.Single(builder.Build("t").Rows);
        Assert.Equal(ReportOutcome.Failed, row.Outcome);
        Assert.Equal(404, row.StatusCode);
        Assert.Equal(12, row.ElapsedMs);
    }

    [Theory]
    [InlineData(LinkStatus.Ok, ReportOutcome.Passed)]
    [InlineData(LinkStatus.Redirected, ReportOutcome.Passed)]
    [InlineData(LinkStatus.Broken, ReportOutcome.Failed)]
    [InlineData(LinkStatus.Unverifiable, ReportOutcome.Skipped)]
    [InlineData(LinkStatus.Skipped, ReportOutcome.Skipped)]
    public void OnlyBrokenLinksFailAReport(LinkStatus status, ReportOutcome outcome) =>
        Assert.Equal(outcome, LinkResultRowAdapter.OutcomeOf(status));

    [Fact]
    public void TheSampleHtmlReportIsKeptBesideTheTestsForBrowserChecks()
    {
        // A known report for rendering checks outside xunit (a browser, or build/check-html-report.js under Node).
        var directory = Path.Combine(AppContext.BaseDirectory, "report-samples");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "links.html");
        ReportWriters.WriteFile(ReportSamples.Mixed(), ReportFormat.Html, path);
        Assert.True(new FileInfo(path).Length > 1000);
    }

    // Ordinal: under culture rules the zero-width space that neutralises "##vso[" is ignored and would still match.
    private static void NoCommand(string text) =>
        Assert.True(text.IndexOf("##vso[", StringComparison.Ordinal) < 0, "A pipeline command survived: " + text);

    [Fact]
    public void WritingAFileReplacesItWhole()
    {
        using var temp = new Packaging.TempDirectory();
        var path = Path.Combine(temp.Path, "links.xml");
        File.WriteAllText(path, new string('x', 100_000));

        ReportWriters.WriteFile(ReportSamples.Mixed(), ReportFormat.JUnit, path);

        Assert.Equal("testsuites", XDocument.Load(path).Root!.Name.LocalName);
        Assert.Single(Directory.GetFiles(temp.Path));
    }
}
