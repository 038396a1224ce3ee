using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>Peers that accept and then say nothing, or say it a byte a second: the per-attempt deadline ends every one.</summary>
public class SlowPeerFaultTests
{
    private static readonly TimeSpan OneByteASecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task AcceptsAndNeverAnswersIsATimeoutAfterRetries()
    {
        await using var server = RawServer.Start((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("silent"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Timeout, result.FailureKind);
        Assert.Contains("timed out", result.Reason);
        // The HEAD and its one retry, then the GET that confirms a failed HEAD (not retried itself).
        Assert.Equal(3, result.Attempts);
        Assert.Equal("GET", result.Method);
        Assert.Equal(3, server.Connections);
    }

    [Fact]
    public async Task HeadersDrippedAByteASecondTimeOut()
    {
        await using var server = RawServer.Start((_, c, ct) => c.DripAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", OneByteASecond, ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("drip-headers"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Timeout, result.FailureKind);
        Assert.True(server.BytesSent < 20, $"{server.BytesSent} bytes dripped: the deadline did not end the wait");
    }

    [Fact]
    public async Task BodyDrippedAByteASecondTimesOutWhenTheBodyIsRead()
    {
        // The deadline covers the whole response, body included, not only the headers.
        await using var server = RawServer.Start(async (_, c, ct) =>
        {
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\nConnection: close\r\n\r\n", ct);
            await c.DripAsync(new string('x', 100), OneByteASecond, ct);
        });
        var outcome = await FaultCheck.FetchAsync(FaultOptions.Engine(), server.Url("drip-body"), readBody: true);
        Assert.Equal(FailureKind.Timeout, outcome.Failure);
        Assert.Null(outcome.Body);
        Assert.Equal(2, outcome.Attempts);
        Assert.True(outcome.Elapsed < TimeSpan.FromSeconds(15), $"took {outcome.Elapsed}");
    }

    [Fact]
    public async Task BodyDrippedDoesNotHoldALinkCheckThatNeedsOnlyTheStatus()
    {
        await using var server = RawServer.Start(async (_, c, ct) =>
        {
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100\r\nConnection: close\r\n\r\n", ct);
            await c.DripAsync(new string('x', 100), OneByteASecond, ct);
        });
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("drip-body"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(1, result.Attempts);
    }
}
