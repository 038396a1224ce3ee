using System.Net.Http;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>Responses cut short: resets mid-headers and mid-body, and a Content-Length the body never reaches.</summary>
public class TruncationFaultTests
{
    [Fact]
    public async Task ResetMidHeadersIsAConnectFailureRetried()
    {
        await using var server = RawServer.Start(async (_, c, ct) =>
        {
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Le", ct);
            await Task.Delay(100, ct);
            c.Reset();
        });
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("reset-headers"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Connect, result.FailureKind);
        Assert.Equal(2, result.Attempts);
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task ResetMidBodyFailsTheBodyRead()
    {
        await using var server = RawServer.Start(async (_, c, ct) =>
        {
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\n\r\n" + new string('x', 100), ct);
            await Task.Delay(100, ct);
            c.Reset();
        });
        var outcome = await FaultCheck.FetchAsync(FaultOptions.Engine(), server.Url("reset-body"), readBody: true);
        Assert.Equal(FailureKind.Connect, outcome.Failure);
        Assert.Null(outcome.Body);
        Assert.Equal(2, outcome.Attempts);
    }

    [Fact]
    public async Task ContentLengthLongerThanTheBodyFailsTheBodyRead()
    {
        await using var server = RawServer.Start((_, c, ct) =>
            c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n<a href=x>", ct));
        var outcome = await FaultCheck.FetchAsync(FaultOptions.Engine(), server.Url("short"), readBody: true);
        Assert.Equal(FailureKind.Connect, outcome.Failure);
        Assert.Null(outcome.Body);
        Assert.Contains("ended", outcome.Reason);
    }

    [Fact]
    public async Task ContentLengthLongerThanTheBodyStillAnswersALinkCheck()
    {
        await using var server = RawServer.Start((_, c, ct) =>
            c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n<a href=x>", ct));
        var outcome = await FaultCheck.FetchAsync(FaultOptions.Engine(), server.Url("short"), readBody: false, HttpMethod.Get);
        Assert.Equal(200, outcome.StatusCode);
        Assert.Equal(FailureKind.None, outcome.Failure);
    }
}
