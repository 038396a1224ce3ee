using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using System.Xml.Schema;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Operations;
using LinkTools.Core.Reporting;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.History;
using LinkTools.Model.Reporting;
using LinkTools.Tests.Cmdlets;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Reporting;

/// <summary>Every result type a cmdlet writes becomes report rows through <see cref="ReportRowAdapters.Default"/>.</summary>
public class ReportRowAdapterTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ADemoCrawlWithEveryLinkMakesAValidJUnitReportGroupedByPage()
    {
        using var demo = DemoSite.Start();
        var sink = new RecordingSink();
        SiteCrawlOperation.Run(new CrawlSettings
        {
            StartUrl = demo.BaseUri,
            IncludeAll = true,
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(10), RetryInterval = TimeSpan.FromMilliseconds(20) },
        }, sink);
        var results = sink.OfType<CrawlResult>().ToArray();
        var builder = new ReportBuilder();
        Assert.All(results, r => Assert.True(builder.TryAdd(r)));
        var report = builder.Build("Demo crawl");

        var document = ValidJUnit(report);

        int broken = results.Count(r => r.IsBroken);
        Assert.True(broken > 0 && broken < results.Length, $"{broken} of {results.Length} broken");
        Assert.Equal(results.Length.ToString(), (string?)document.Root!.Attribute("tests"));
        Assert.Equal(broken.ToString(), (string?)document.Root.Attribute("failures"));
        var about = new Uri(demo.BaseUri, "about.html").AbsoluteUri;
        var suite = document.Descendants("testsuite").Single(s => (string?)s.Attribute("name") == about);
        Assert.Equal(results.Count(r => r.SourceUrl == about).ToString(), (string?)suite.Attribute("tests"));
        var fragment = suite.Descendants("testcase").Single(c => ((string)c.Attribute("name")!).EndsWith("#uninstall"));
        Assert.Equal("MissingFragment", (string?)fragment.Element("failure")!.Attribute("type"));
        Assert.Contains("Found on: " + about, fragment.Element("failure")!.Value);
        Assert.Contains(report.FailuresBySource(), g => g.Key == about);
    }

    [Fact]
    public void ACrawlResultIsARowOfItsPageWithTheLineInTheReason()
    {
        var result = new CrawlResult
        {
            SourceUrl = "http://127.0.0.1/about", Url = "http://127.0.0.1/gone", FinalUrl = "http://127.0.0.1/gone",
            Status = LinkStatus.Broken, StatusCode = 410, FailureKind = FailureKind.Http, Reason = "HTTP 410 Gone", Line = 12, ElapsedMs = 30,
        };

        var row = Convert(result);

        Assert.Equal("Crawl", row.Origin);
        Assert.Equal("http://127.0.0.1/about", row.Source);
        Assert.Equal(ReportOutcome.Failed, row.Outcome);
        Assert.Equal("Http", row.FailureKind);
        Assert.Equal("HTTP 410 Gone (line 12)", row.Reason);
        Assert.Equal(30, row.ElapsedMs);
        Assert.Equal("", Convert(new CrawlResult { Url = "http://127.0.0.1/", Status = LinkStatus.Ok, FailureKind = FailureKind.None }).FailureKind);
    }

    [Fact]
    public void CrawlRowsReadBackFromACsvFileKeepTheirPage()
    {
        var csvRow = new Dictionary<string, object?> { ["SourceUrl"] = "http://127.0.0.1/about", ["Url"] = "http://127.0.0.1/gone", ["Status"] = "Broken" };

        var row = Convert(csvRow);

        Assert.Equal("http://127.0.0.1/about", row.Source);
        Assert.Equal(ReportOutcome.Failed, row.Outcome);
    }

    [Fact]
    public void WatchHistoryRowsReadBackFromTheirFileAreReportedAsTheChecksWere()
    {
        // Columns and text as Watch-Website's -HistoryPath file holds them (HistoryColumns).
        var down = new Dictionary<string, object?>
        {
            ["CheckedAt"] = "2026-11-22T12:00:00.0000000+00:00", ["Url"] = "http://127.0.0.1/shop", ["Name"] = "Shop", ["State"] = "Down",
            ["ConfirmedState"] = "Down", ["InMaintenance"] = "False", ["StatusCode"] = "503", ["FailureKind"] = "Status", ["ResponseTimeMs"] = "41",
            ["Attempts"] = "2", ["ScheduleLagMs"] = "0", ["CertificateDaysLeft"] = "", ["Error"] = "HTTP 503",
        };
        var up = new Dictionary<string, object?>(down) { ["State"] = "Up", ["StatusCode"] = "200", ["FailureKind"] = "None", ["Error"] = "" };

        var failed = Convert(down);
        var passed = Convert(up);

        var expected = Convert(new SiteCheckResult { CheckedAt = Noon, Url = "http://127.0.0.1/shop", Name = "Shop", State = SiteHealth.Down, StatusCode = 503, FailureKind = WatchFailureKind.Status, ResponseTimeMs = 41, Error = "HTTP 503" });
        Assert.Equivalent(expected, failed);
        Assert.Equal(ReportOutcome.Failed, failed.Outcome);
        Assert.Equal(ReportOutcome.Passed, passed.Outcome);
    }

    [Fact]
    public void StateChangeAndUptimeRowsReadBackFromExportCsvAreReportedAsTheObjectsWere()
    {
        var change = new SiteStateChange { At = Noon, Url = "http://127.0.0.1/shop", Name = "Shop", From = SiteHealth.Up, To = SiteHealth.Down, Reason = StateChangeReason.Down, StatusCode = 503, FailureKind = WatchFailureKind.Status, Error = "HTTP 503", ResponseTimeMs = 41 };
        var uptime = new SiteUptime { Url = "http://127.0.0.1/shop", Name = "Shop", From = Noon.AddHours(-1), To = Noon, Checks = 60, DownChecks = 3, UptimePercent = 95, Downtime = TimeSpan.FromMinutes(3), P50ResponseMs = 40, P95ResponseMs = 90 };

        foreach (var result in new object[] { change, uptime })
        {
            // Export-Csv writes each property's text; Import-Csv gives it back as a bag of strings.
            var csvRow = result.GetType().GetProperties().ToDictionary(p => p.Name, p => (object?)System.Convert.ToString(p.GetValue(result), System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equivalent(Convert(result), Convert(csvRow));
        }
    }

    [Fact]
    public void AnOrphanPageIsReportedButFailsNothing()
    {
        var row = Convert(new OrphanPage { Url = "http://127.0.0.1/lost", Kind = OrphanKind.NotLinked, Reason = "In the sitemap, linked from no crawled page" });

        Assert.Equal("NotLinked", row.Status);
        Assert.Equal(ReportOutcome.Skipped, row.Outcome);
    }

    [Theory]
    [InlineData(SiteHealth.Up, ReportOutcome.Passed)]
    [InlineData(SiteHealth.Degraded, ReportOutcome.Passed)]
    [InlineData(SiteHealth.Down, ReportOutcome.Failed)]
    [InlineData(SiteHealth.Unknown, ReportOutcome.Skipped)]
    [InlineData(SiteHealth.Maintenance, ReportOutcome.Skipped)]
    public void ASiteCheckIsAWatchRowCountedByTheStateItSaw(SiteHealth state, ReportOutcome outcome)
    {
        var row = Convert(Check("Shop", state, Noon));

        Assert.Equal("Watch", row.Origin);
        Assert.Equal("Shop", row.Source);
        Assert.Equal(state.ToString(), row.Status);
        Assert.Equal(outcome, row.Outcome);
        Assert.Equal(Noon, row.CheckedAt);
        Assert.Equal(45, row.ElapsedMs);
    }

    [Fact]
    public void ASiteWithoutANameIsNamedByItsUrl() =>
        Assert.Equal("http://127.0.0.1:9/shop", Convert(Check("", SiteHealth.Up, Noon)).Source);

    [Fact]
    public void AStateChangeSaysWhatChangedAndCountsByTheNewState()
    {
        var change = new SiteStateChange
        {
            At = Noon, Url = "http://127.0.0.1:9/shop", Name = "Shop", From = SiteHealth.Up, To = SiteHealth.Down,
            Reason = StateChangeReason.Down, StatusCode = 503, FailureKind = WatchFailureKind.Status, Error = "HTTP 503", ResponseTimeMs = 8,
        };

        var down = Convert(change);
        change.From = SiteHealth.Down;
        change.To = SiteHealth.Up;
        change.Reason = StateChangeReason.Recovered;
        change.FailureKind = WatchFailureKind.None;
        change.Error = "";
        var recovered = Convert(change);

        Assert.Equal(("Watch", "Down", ReportOutcome.Failed, "Status"), (down.Origin, down.Status, down.Outcome, down.FailureKind));
        Assert.Equal("Down: Up -> Down (HTTP 503)", down.Reason);
        Assert.Equal(Noon, down.CheckedAt);
        Assert.Equal((ReportOutcome.Passed, "", "Recovered: Down -> Up"), (recovered.Outcome, recovered.FailureKind, recovered.Reason));
    }

    [Fact]
    public void AnUptimeSummaryFailsWhenAnyCheckWasDown()
    {
        var uptime = new SiteUptime
        {
            Url = "http://127.0.0.1:9/shop", Name = "Shop", From = Noon.AddDays(-1), To = Noon, Checks = 1440, DownChecks = 3,
            UptimePercent = 99.792, Downtime = TimeSpan.FromMinutes(3), P50ResponseMs = 40, P95ResponseMs = 90,
        };

        var row = Convert(uptime);
        uptime.DownChecks = 0;
        var clean = Convert(uptime);

        Assert.Equal(("Uptime", "Down", ReportOutcome.Failed), (row.Origin, row.Status, row.Outcome));
        Assert.StartsWith("99.792% up", row.Reason);
        Assert.Contains("3 of 1440 checks Down", row.Reason);
        Assert.Equal(("Up", ReportOutcome.Passed), (clean.Status, clean.Outcome));
    }

    [Fact]
    public void WatchResultsMakeAValidJUnitReportAndTheHtmlTimelineData()
    {
        var builder = new ReportBuilder();
        for (int i = 0; i < 6; i++)
        {
            Assert.True(builder.TryAdd(Check("Shop", i == 3 ? SiteHealth.Down : SiteHealth.Up, Noon.AddMinutes(i))));
            Assert.True(builder.TryAdd(Check("", i == 5 ? SiteHealth.Unknown : SiteHealth.Up, Noon.AddMinutes(i))));
        }

        Assert.True(builder.TryAdd(new SiteStateChange { At = Noon, Url = "http://127.0.0.1:9/shop", Name = "Shop", From = SiteHealth.Unknown, To = SiteHealth.Up, Reason = StateChangeReason.Initial }));
        var report = builder.Build("Watch " + ReportSamples.Hostile);

        var document = ValidJUnit(report);
        Assert.Equal("13", (string?)document.Root!.Attribute("tests"));
        Assert.Equal("1", (string?)document.Root.Attribute("failures"));
        Assert.Equal("1", (string?)document.Root.Attribute("skipped"));

        var html = ReportSamples.Render(new HtmlReportWriter(), report);
        var data = Regex.Match(html, "<script id=\"report-data\" type=\"application/json\">(.*?)</script>", RegexOptions.Singleline).Groups[1].Value;
        using var json = JsonDocument.Parse(data);
        var lanes = json.RootElement.GetProperty("rows").EnumerateArray()
            .Where(r => r.GetProperty("origin").GetString() == "Watch" && r.GetProperty("checkedAt").ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("source").GetString()).Distinct().OrderBy(s => s).ToArray();
        Assert.Equal(new[] { "http://127.0.0.1:9/shop", "Shop" }, lanes);

        // A sample for build/check-html-report.js, which draws the uptime timeline from these rows under Node.
        var directory = Path.Combine(AppContext.BaseDirectory, "report-samples");
        Directory.CreateDirectory(directory);
        ReportWriters.WriteFile(report, ReportFormat.Html, Path.Combine(directory, "watch.html"));
    }

    private static SiteCheckResult Check(string name, SiteHealth state, DateTimeOffset at) => new()
    {
        CheckedAt = at, Url = "http://127.0.0.1:9/shop", Name = name, State = state, ConfirmedState = state,
        StatusCode = state == SiteHealth.Down ? 503 : 200, FailureKind = state == SiteHealth.Down ? WatchFailureKind.Status : WatchFailureKind.None,
        Error = state == SiteHealth.Down ? "HTTP 503 Service Unavailable" : "", Method = "HEAD", ResponseTimeMs = 45, Attempts = 1,
    };

    private static ReportRow Convert(object item)
    {
        Assert.True(ReportRowAdapters.Default.TryConvert(item, out var row), item.GetType().Name + " has no report adapter");
        return row;
    }

    private static XDocument ValidJUnit(Report report)
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(CmdletContractTests.RepoRoot(), "tests", "LinkTools.Tests", "Reporting", "junit.xsd"));
        var document = XDocument.Parse(ReportSamples.Render(new JUnitReportWriter(), report));
        var problems = new List<string>();
        document.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.Empty(problems);
        return document;
    }
}
