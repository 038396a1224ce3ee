using System.Collections.Concurrent;
using LinkTools.Core.Checking;
using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;
using LinkTools.Tests.Infrastructure;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Monitoring;

/// <summary>The engine parameters the watch takes mean what they say: -AcceptStatusCode, -MaximumRetryCount, -RetryIntervalSec.</summary>
public class WatchEngineParameterTests
{
    // The front ends never set the watch's method; these cases ask with GET so each attempt is one request.
    private static readonly CheckPolicy ByGet = new() { Method = LinkTools.Model.Checking.CheckMethod.Get };

    [Fact]
    public async Task AnAcceptedStatusCodeIsUp()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("gone", Respond.Status(404));
        var (sink, _, _) = Run(Settings(s => s with { Once = true, PassThru = true, Checks = s.Checks with { Answers = new CheckPolicy { AcceptStatusCodes = new[] { 404 } } } }), new WatchSite(server.Url("gone")));
        var check = Assert.Single(sink.Checks());
        Assert.Equal(SiteHealth.Up, check.State);
        Assert.Equal(404, check.StatusCode);
    }

    [Fact]
    public async Task MaximumRetryCountRetriesATransientFailureInsideTheAttemptAndTheLogCountsIt()
    {
        await using var server = await FlipServer.StartAsync();
        server.Script("blip", Respond.Status(503), Respond.Ok());
        var (sink, _, _) = Run(Settings(s => s with { Once = true, PassThru = true, Engine = s.Engine with { MaximumRetryCount = 1 }, Checks = s.Checks with { Answers = ByGet } }), new WatchSite(server.Url("blip")));
        var check = Assert.Single(sink.Checks());
        Assert.Equal(SiteHealth.Up, check.State);
        Assert.Equal(1, check.Attempts);
        Assert.Matches(@"^1 GET 200 \d+ ms \(2 requests\)$", check.AttemptLog);
    }

    [Fact]
    public async Task RetryIntervalSpacesTheRetryAttempts()
    {
        var times = new ConcurrentQueue<DateTime>();
        await using var server = await TestServer.StartAsync(c => { times.Enqueue(DateTime.UtcNow); c.Response.StatusCode = 500; return Task.CompletedTask; });
        var (sink, _, _) = Run(Settings(s => s with { Once = true, PassThru = true, Checks = s.Checks with { Retry = 1, Answers = ByGet }, Engine = s.Engine with { RetryInterval = TimeSpan.FromMilliseconds(600) } }), new WatchSite(server.Url("down")));
        var check = Assert.Single(sink.Checks());
        Assert.Equal(2, check.Attempts);
        var seen = times.ToArray();
        Assert.Equal(2, seen.Length);
        Assert.True(seen[1] - seen[0] >= TimeSpan.FromMilliseconds(550), $"the attempts were {(seen[1] - seen[0]).TotalMilliseconds:0} ms apart");
    }
}
