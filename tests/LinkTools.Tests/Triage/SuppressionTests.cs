using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;

namespace LinkTools.Tests.Triage;

public class SuppressionTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private readonly TriageFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void WildcardsMatchTheWholeUrlCaseInsensitively()
    {
        var suppression = new Suppression("http://h/old/*", "moved", null);
        Assert.True(suppression.Matches("http://h/old/page"));
        Assert.True(suppression.Matches("HTTP://H/OLD/x?y=1"));
        Assert.False(suppression.Matches("http://h/older"));
        Assert.False(suppression.Matches("https://other/http://h/old/x"));
        Assert.True(new Suppression("http://h/p?ge", "r", null).Matches("http://h/page"));
        Assert.False(new Suppression("http://h/a.c", "r", null).Matches("http://h/abc")); // '.' is literal, not regex
    }

    [Fact]
    public void TextLinesWithAndWithoutExpiry()
    {
        var path = _files.Write("s.txt", "# accepted\n\nhttp://h/old/* | moved in the redesign | 2026-12-31\nhttp://h/flaky | vendor outage\n");
        var list = SuppressionList.Load(path, Now);
        Assert.Equal(2, list.Active.Count);
        Assert.Empty(list.Expired);
        Assert.Equal("moved in the redesign", list.Match("http://h/old/a")!.Reason);
        Assert.Null(list.Match("http://h/new"));
    }

    [Fact]
    public void ExpiredSuppressionsHideNothingAndAreNamed()
    {
        var path = _files.Write("s.json", "[{\"pattern\":\"http://h/old/*\",\"reason\":\"moved\",\"expires\":\"2026-06-14\"},{\"pattern\":\"http://h/today\",\"reason\":\"last day\",\"expires\":\"2026-06-15\"}]");
        var list = SuppressionList.Load(path, Now);
        Assert.Null(list.Match("http://h/old/a"));
        Assert.NotNull(list.Match("http://h/today")); // the expiry day itself still counts
        var triage = new ResultTriage(null, list);
        var warning = Assert.Single(triage.ExpiredWarnings());
        Assert.Contains("http://h/old/*", warning);
        Assert.Contains("2026-06-14", warning);
        Assert.Contains("expired", warning);
    }

    [Fact]
    public void WorkingLinksAreNeverSuppressed()
    {
        var triage = new ResultTriage(null, new SuppressionList(new[] { new Suppression("*", "all", null) }, Now));
        Assert.Null(triage.SuppressedBy("http://h/a", isBroken: false));
        Assert.NotNull(triage.SuppressedBy("http://h/a", isBroken: true));
    }

    [Theory]
    [InlineData("a.txt", "http://h/a\n", "line 1")]
    [InlineData("b.txt", "http://h/a | | 2026-01-01\n", "needs a reason")]
    [InlineData("c.txt", "http://h/a | moved | 31/12/2026\n", "not yyyy-MM-dd")]
    [InlineData("d.json", "[{\"pattern\":\"\",\"reason\":\"x\"}]", "entry 1")]
    [InlineData("e.json", "{\"pattern\":", "not valid JSON")]
    [InlineData("f.json", "{\"other\":1}", "JSON array")]
    public void BadFilesAreErrorsNamingTheFileAndPlace(string name, string text, string problem)
    {
        var path = _files.Write(name, text);
        var error = Assert.Throws<InputFileException>(() => SuppressionList.Load(path, Now));
        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Fact]
    public void SuppressedRowsAreLeftOutOfReports()
    {
        var triage = new ResultTriage(null, new SuppressionList(new[] { new Suppression("http://h/accepted", "known", null) }, Now));
        var builder = new ReportBuilder(triage: triage);
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/accepted", ["Status"] = "Broken" });
        builder.TryAdd(new Dictionary<string, object?> { ["Url"] = "http://h/other", ["Status"] = "Broken" });
        Assert.Equal(1, builder.Suppressed);
        Assert.Equal("http://h/other", Assert.Single(builder.Build("t").Rows).Url);
    }
}
