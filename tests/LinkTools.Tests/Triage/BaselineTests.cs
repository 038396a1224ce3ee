using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Tests.Triage;

public class BaselineTests : IDisposable
{
    private readonly TriageFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void ComparesBrokenLinksWithThePreviousRun()
    {
        var baseline = new Baseline(new[] { "http://h/old", "http://h/fixed" });
        Assert.Equal(BaselineState.StillBroken, baseline.Compare("http://h/old", true));
        Assert.Equal(BaselineState.New, baseline.Compare("http://h/new", true));
        Assert.Equal(BaselineState.Fixed, baseline.Compare("http://h/fixed", false));
        Assert.Equal(BaselineState.None, baseline.Compare("http://h/fine", false));
    }

    [Fact]
    public void ReadsExportCsvWithTypeLineAndQuotes()
    {
        var path = _files.Write("run.csv",
            "#TYPE LinkTools.Model.Checking.LinkResult\r\n" +
            "\"Url\",\"Status\",\"Reason\"\r\n" +
            "\"http://h/a\",\"Broken\",\"HTTP 404, \"\"gone\"\"\"\r\n" +
            "\"http://h/b\",\"Ok\",\"\"\r\n");
        var baseline = Baseline.Load(path);
        Assert.Equal(1, baseline.BrokenCount);
        Assert.Equal(BaselineState.StillBroken, baseline.Compare("http://h/a", true));
    }

    [Fact]
    public void ReadsCliCsvJsonLinesAndJsonReports()
    {
        var csv = _files.Write("cli.csv", "Url,FinalUrl,Status,IsBroken\nhttp://h/a,http://h/a,Broken,True\n");
        Assert.Equal(1, Baseline.Load(csv).BrokenCount);

        var lines = _files.Write("cli.jsonl", "{\"Url\":\"http://h/a\",\"Status\":\"Broken\"}\n{\"Url\":\"http://h/b\",\"Status\":\"Broken\"}\n");
        Assert.Equal(2, Baseline.Load(lines).BrokenCount);

        var array = _files.Write("convertto.json", "[{\"Url\":\"http://h/a\",\"Status\":\"Broken\"},{\"Url\":\"http://h/b\",\"Status\":\"Ok\"}]");
        Assert.Equal(1, Baseline.Load(array).BrokenCount);

        var builder = new ReportBuilder();
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/a", ["Status"] = "Broken" });
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/b", ["Status"] = "Ok" });
        var report = _files.Write("report.json", JsonReportWriter.ToJson(builder.Build("t")));
        var fromReport = Baseline.Load(report);
        Assert.Equal(1, fromReport.BrokenCount);
        Assert.Equal(BaselineState.StillBroken, fromReport.Compare("http://h/a", true));
    }

    [Theory]
    [InlineData("empty.csv", "", "is empty")]
    [InlineData("noresults.csv", "Name,Value\nx,1\n", "holds no results")]
    [InlineData("broken.json", "{\"Url\": \"http://h/a\", ", "not valid JSON")]
    [InlineData("quote.csv", "Url,Status\n\"http://h/a,Broken\n", "quoted CSV field")]
    public void BadFilesAreErrorsNamingTheFile(string name, string text, string problem)
    {
        var path = _files.Write(name, text);
        var error = Assert.Throws<InputFileException>(() => Baseline.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void AMissingFileIsAnErrorNamingIt()
    {
        var path = _files.PathOf("absent.csv");
        var error = Assert.Throws<InputFileException>(() => Baseline.Load(path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void ReportRowsGetTheirBaselineState()
    {
        var triage = new ResultTriage(new Baseline(new[] { "http://h/old", "http://h/fixed" }), null);
        var builder = new ReportBuilder(triage: triage);
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/old", ["Status"] = "Broken" });
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/new", ["Status"] = "Broken" });
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/fixed", ["Status"] = "Ok" });
        var rows = builder.Build("t").Rows.ToDictionary(r => r.Url, r => r.BaselineState);
        Assert.Equal("StillBroken", rows["http://h/old"]);
        Assert.Equal("New", rows["http://h/new"]);
        Assert.Equal("Fixed", rows["http://h/fixed"]);

        var markdown = new StringWriter();
        new MarkdownReportWriter().Write(builder.Build("t"), markdown);
        Assert.Contains("Against the baseline: 1 new, 1 still broken, 1 fixed.", markdown.ToString());
        Assert.Contains("\"baselineState\": \"New\"", JsonReportWriter.ToJson(builder.Build("t")));
    }

    [Fact]
    public void ASuppressedResultIsNeitherComparedNorCountedAndOnlyNewBreakageFailsARunWithABaseline()
    {
        var suppressions = new SuppressionList(new[] { new Suppression("http://h/accepted", "known", null) }, DateTimeOffset.UtcNow);
        var triage = new ResultTriage(new Baseline(new[] { "http://h/accepted", "http://h/old" }), suppressions);

        var hidden = triage.Assess("http://h/accepted", isBroken: true);
        Assert.Equal((true, BaselineState.None, false), (hidden.IsSuppressed, hidden.State, hidden.FailsRun));
        var old = triage.Assess("http://h/old", isBroken: true);
        Assert.Equal((false, BaselineState.StillBroken, false), (old.IsSuppressed, old.State, old.FailsRun));
        var fresh = triage.Assess("http://h/new", isBroken: true);
        Assert.Equal((BaselineState.New, true), (fresh.State, fresh.FailsRun));

        var untriaged = ResultTriage.None.Assess("http://h/old", isBroken: true);
        Assert.Equal((false, BaselineState.None, true), (untriaged.IsSuppressed, untriaged.State, untriaged.FailsRun));
    }
}
