using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Text;
using LinkTools.Model.Monitoring;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Monitoring;

public sealed class HistoryTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("watch-history");

    private string HistoryPath => Path.Combine(_dir.FullName, "history.csv");

    public void Dispose() => _dir.Delete(recursive: true);

    /// <summary>The history's rows after the header, each split into cells the way the uptime report reads them.</summary>
    private List<List<string>> Rows()
    {
        using var reader = new StreamReader(HistoryPath);
        return CsvText.Records(reader).Skip(1).ToList();
    }

    [Fact]
    public async Task EveryCheckIsOneFlatRowAndRunsAppend()
    {
        await using var server = await FlipServer.StartAsync();
        server.Script("a", Respond.Ok(), Respond.Status(500), Respond.Status(500), Respond.Ok());
        Run(Settings(s => s with { Count = 4, HistoryPath = HistoryPath }), new WatchSite(server.Url("a"), "Site, with comma"));
        Run(Settings(s => s with { Once = true, HistoryPath = HistoryPath }), new WatchSite(server.Url("a"), "Site, with comma"));

        var lines = File.ReadAllLines(HistoryPath);
        Assert.Equal(string.Join(",", HistoryColumns.All), lines[0]);
        Assert.Equal(6, lines.Length); // one header, five checks over two runs
        var rows = Rows();
        Assert.All(rows, r => Assert.Equal(HistoryColumns.All.Length, r.Count));
        Assert.Equal("Site, with comma", rows[0][2]);
        Assert.Equal(new[] { "Up", "Down", "Down", "Up", "Up" }, rows.Select(r => r[3]));

        var report = Assert.Single(UptimeReport.FromFile(HistoryPath, null, null));
        Assert.Equal((5, 2), (report.Checks, report.DownChecks));
        Assert.InRange(report.UptimePercent, 1, 99);
    }

    [Fact]
    public void HistoryCellsASpreadsheetWouldRunAsFormulasAreNeutralised()
    {
        using (var writer = new HistoryWriter(HistoryPath))
        {
            writer.Append(new SiteCheckResult
            {
                CheckedAt = T0, Url = "http://127.0.0.1:9/", Name = "=HYPERLINK(\"http://evil.invalid/\",\"x\")", State = SiteHealth.Down,
                Error = "@SUM(A1) from the page", StatusCode = 500, ResponseTimeMs = 12,
            });
        }

        var cells = Rows()[0];
        Assert.Equal("'=HYPERLINK(\"http://evil.invalid/\",\"x\")", cells[2]);
        Assert.Equal("'@SUM(A1) from the page", cells[^1]);
        // A plain number is data; anything else starting with = + - @ or a tab is text.
        Assert.Equal(new[] { "+1", "-2", "1.5", "'+1+cmd", "'-cmd", "'\tx" }, new[] { "+1", "-2", "1.5", "+1+cmd", "-cmd", "\tx" }.Select(v => CsvText.Cell(v, SignedNumbers.Keep)));
    }

    [Fact]
    public void AnErrorWithLineBreaksStaysOneCheckAndCannotForgeAnother()
    {
        // A -Condition script's exception message, say, quoting a log: the history quotes it, and reading it back must
        // not split the row, or its second line would count as a check of a site nobody watches.
        var forged = T0.AddMinutes(1).ToString("o") + ",https://b.test/,B,Down,Down,False,500,None,5,1,0,,";
        using (var writer = new HistoryWriter(HistoryPath))
        {
            writer.Append(new SiteCheckResult { CheckedAt = T0, Url = "https://a.test/", Name = "A", State = SiteHealth.Down, Error = "the log says:\n" + forged, StatusCode = 500, ResponseTimeMs = 10 });
            writer.Append(new SiteCheckResult { CheckedAt = T0.AddMinutes(1), Url = "https://a.test/", Name = "A", State = SiteHealth.Up, StatusCode = 200, ResponseTimeMs = 20 });
        }

        var report = Assert.Single(UptimeReport.FromFile(HistoryPath, null, null));
        Assert.Equal(2, report.Checks);
        Assert.Equal(1, report.DownChecks);
    }

    [Fact]
    public void UptimeLeavesOutMaintenanceAndUnknownTime()
    {
        // One check a minute for 10 minutes: 6 Up, 2 Down, 1 Maintenance (Down but in a window), 1 Unknown.
        var states = new[] { "Up", "Up", "Down", "Down", "Up", "Down", "Unknown", "Up", "Up", "Up" };
        var lines = new List<string> { string.Join(",", HistoryColumns.All) };
        for (int i = 0; i < states.Length; i++)
        {
            bool maintenance = i == 5;
            lines.Add(string.Join(",", T0.AddMinutes(i).ToString("o"), "https://a.test/", "A", states[i], states[i], maintenance ? "True" : "False",
                states[i] == "Down" ? "500" : "200", "None", (100 + i * 10).ToString(), "1", "0", "", ""));
        }

        File.WriteAllLines(HistoryPath, lines);
        var report = Assert.Single(UptimeReport.FromFile(HistoryPath, null, null));
        Assert.Equal(8, report.Checks);
        Assert.Equal(2, report.DownChecks);
        Assert.Equal(TimeSpan.FromMinutes(2), report.Downtime);
        Assert.Equal(TimeSpan.FromMinutes(2), report.ExcludedTime);
        Assert.Equal(75.0, report.UptimePercent);
        Assert.Equal(130, report.P50ResponseMs); // nearest rank over 100..140, 170..190
        Assert.Equal(190, report.P99ResponseMs);

        // A window: only the last three minutes.
        var late = Assert.Single(UptimeReport.FromFile(HistoryPath, T0.AddMinutes(7), T0.AddMinutes(10)));
        Assert.Equal((3, 100.0), (late.Checks, late.UptimePercent));
    }

    [Fact]
    public void AFileThatIsNotAHistoryIsRefusedByName()
    {
        File.WriteAllText(HistoryPath, "a,b\n1,2\n");
        var error = Assert.Throws<InvalidDataException>(() => UptimeReport.FromFile(HistoryPath, null, null));
        Assert.Contains("history.csv", error.Message);
    }

    [Fact]
    public async Task AnUnwritableHistoryIsAnErrorNamingItAndTheWatchGoesOn()
    {
        await using var server = await FlipServer.StartAsync();
        // A file where the history's folder should be: known only when the run opens it.
        string blocker = Path.Combine(_dir.FullName, "not-a-folder");
        File.WriteAllText(blocker, "");
        string unwritable = Path.Combine(blocker, "history.csv");
        var (sink, _, _) = Run(Settings(s => s with { Once = true, HistoryPath = unwritable }), new WatchSite(server.Url("a")));
        var error = Assert.Single(sink.Errors);
        Assert.Equal("HistoryNotWritable", error.ErrorId);
        Assert.Equal(unwritable, error.TargetObject);
        Assert.Single(sink.Changes());
    }

    [Fact]
    public void AFolderAsHistoryOrStatePathIsRefusedBeforeTheRunSayingItIsAFolder()
    {
        foreach (var (settings, name) in new (Func<LinkTools.Core.Operations.WatchSettings>, string)[]
        {
            (() => Settings(s => s with { HistoryPath = _dir.FullName }), "HistoryPath"),
            (() => Settings(s => s with { StatePath = _dir.FullName }), "StatePath"),
        })
        {
            var error = Assert.ThrowsAny<ArgumentException>(settings);
            Assert.Equal(name, error.ParamName);
            Assert.Contains("is a folder", error.Message);
        }
    }
}
