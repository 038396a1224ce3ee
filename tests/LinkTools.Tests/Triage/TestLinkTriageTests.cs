using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;
using LinkTools.Model.Checking;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Triage;

public class TestLinkTriageTests
{
    private static Task<TestServer> StartSite() => TestServer.StartAsync(c =>
    {
        if (c.Request.Path.Value!.Contains("broken")) c.Response.StatusCode = 404;
        return Task.CompletedTask;
    });

    private static (RecordingSink Sink, TestLinkOperation Operation) Run(ResultTriage triage, IEnumerable<string> urls, bool quiet = false, bool verbose = false)
    {
        var settings = new TestLinkSettings
        {
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20) },
            Quiet = quiet,
            Triage = triage,
        };
        var sink = new RecordingSink(verbose);
        var operation = new TestLinkOperation(settings, sink);
        operation.Process(urls);
        operation.End();
        operation.Dispose();
        return (sink, operation);
    }

    [Fact]
    public async Task ResultsAreMarkedAgainstTheBaselineAndOnlyNewBreakageFails()
    {
        await using var site = await StartSite();
        string U(string path) => site.Url(path).AbsoluteUri;
        var triage = new ResultTriage(new Baseline(new[] { U("broken-old"), U("repaired") }), null);

        var (sink, operation) = Run(triage, new[] { U("broken-old"), U("broken-new"), U("repaired"), U("fine") });
        var states = sink.OfType<LinkResult>().ToDictionary(r => r.Url, r => r.BaselineState);
        Assert.Equal(BaselineState.StillBroken, states[U("broken-old")]);
        Assert.Equal(BaselineState.New, states[U("broken-new")]);
        Assert.Equal(BaselineState.Fixed, states[U("repaired")]);
        Assert.Equal(BaselineState.None, states[U("fine")]);
        Assert.Equal(2, operation.BrokenCount);
        Assert.Equal(1, operation.FailingCount);

        var quiet = Run(triage, new[] { U("broken-old"), U("fine") }, quiet: true).Sink;
        Assert.Equal(new object[] { true }, quiet.Objects);
    }

    [Fact]
    public async Task SuppressedLinksAreHiddenUntilTheyExpire()
    {
        await using var site = await StartSite();
        string U(string path) => site.Url(path).AbsoluteUri;
        var now = DateTimeOffset.UtcNow;
        var suppressions = new SuppressionList(new[]
        {
            new Suppression(site.BaseUri.AbsoluteUri + "broken-accepted*", "vendor fixes it next month", now.UtcDateTime.Date.AddDays(30)),
            new Suppression(site.BaseUri.AbsoluteUri + "broken-lapsed", "was due last week", now.UtcDateTime.Date.AddDays(-7)),
        }, now);

        var (sink, operation) = Run(new ResultTriage(null, suppressions), new[] { U("broken-accepted/1"), U("broken-accepted/2"), U("broken-lapsed"), U("fine") }, verbose: true);
        Assert.Equal(new[] { U("broken-lapsed"), U("fine") }, sink.OfType<LinkResult>().Select(r => r.Url).OrderBy(u => u));
        Assert.Equal(2, operation.SuppressedCount);
        Assert.Equal(1, operation.FailingCount);
        Assert.Contains(sink.Warnings, w => w.Contains("broken-lapsed") && w.Contains("expired"));
        Assert.Contains(sink.Verbose, v => v.Contains("broken-accepted/1") && v.Contains("vendor fixes it next month"));
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task ManySuppressedLinksDoNotStallBackpressure()
    {
        await using var site = await StartSite();
        var suppressions = new SuppressionList(new[] { new Suppression(site.BaseUri.AbsoluteUri + "broken*", "all accepted", null) }, DateTimeOffset.UtcNow);
        var settings = new TestLinkSettings
        {
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5) },
            MaxOutstanding = 4,
            Triage = new ResultTriage(null, suppressions),
        };
        // The operation lives on the thread that drives it (its pipeline thread), as in a cmdlet.
        var input = Task.Run(() =>
        {
            var sink = new RecordingSink();
            using var operation = new TestLinkOperation(settings, sink);
            operation.Process(Enumerable.Range(0, 20).Select(i => site.Url("broken" + i).AbsoluteUri));
            operation.End();
            return (sink, operation.SuppressedCount);
        });
        // Generous bound: this guards against a hang, not a speed target.
        var (sink, suppressed) = await input.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(20, suppressed);
        Assert.Empty(sink.Objects);
    }
}
