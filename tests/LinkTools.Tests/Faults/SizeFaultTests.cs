using System.Net.Http;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace LinkTools.Tests.Faults;

/// <summary>Bodies, headers and URLs far bigger than a page should be: the engine reads at most its caps.</summary>
[Collection(IsolatedFaultCollection.Name)]
public class SizeFaultTests
{
    private readonly ITestOutputHelper _output;

    public SizeFaultTests(ITestOutputHelper output) => _output = output;

    private const int Cap = 1024 * 1024;
    private const long TwoGigabytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Most bytes a capped read may allocate across the process, with room for the servers' own buffers.</summary>
    private const long AllocationBound = 128L * 1024 * 1024;

    /// <summary>
    /// A raw socket, not Kestrel: Kestrel completes writes to a connection the client already closed, so only the
    /// socket's own count shows what really left the server.
    /// </summary>
    private static RawServer StartEndlessBody() => RawServer.Start(async (_, c, ct) =>
    {
        await c.WriteAsync($"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {TwoGigabytes}\r\n\r\n", ct);
        var chunk = new byte[64 * 1024];
        Array.Fill(chunk, (byte)'a');
        for (long written = 0; written < TwoGigabytes; written += chunk.Length) await c.WriteAsync(chunk, ct);
    });

    [Fact]
    public async Task TwoGigabyteBodyIsReadOnlyUpToTheCap()
    {
        await using var server = StartEndlessBody();
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await FaultCheck.FetchAsync(FaultOptions.Engine(o => o with { MaxBodyBytes = Cap }), server.Url("huge"), readBody: true);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal(Cap, outcome.Body!.Length);
        Assert.True(outcome.BodyTruncated);
        await Task.Delay(500);
        _output.WriteLine($"2 GB body, read capped at {Cap:N0}: server sent {server.BytesSent:N0} bytes, {allocated:N0} bytes allocated, {outcome.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(server.BytesSent < 64L * 1024 * 1024, $"the server managed to send {server.BytesSent:N0} bytes");
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated");
    }

    [Fact]
    public async Task TwoGigabyteBodyDoesNotHoldALinkCheck()
    {
        await using var server = StartEndlessBody();
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("huge"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Ok, result.Status);
        await Task.Delay(500);
        Assert.True(server.BytesSent < 64L * 1024 * 1024, $"the server managed to send {server.BytesSent:N0} bytes");
    }

    [Fact]
    public async Task GzipBombInflatesOnlyUpToTheCap()
    {
        var bomb = GzipBomb.Compressed;
        await using var server = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "text/html";
            c.Response.Headers.ContentEncoding = "gzip";
            c.Response.ContentLength = bomb.Length;
            await c.Response.Body.WriteAsync(bomb, c.RequestAborted);
        });
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);

        var outcome = await FaultCheck.FetchAsync(FaultOptions.Engine(o => o with { MaxBodyBytes = Cap }), server.Url("bomb"), readBody: true);

        long allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        _output.WriteLine($"gzip bomb of {bomb.Length:N0} bytes inflating to {GzipBomb.InflatedBytes:N0}: body {outcome.Body?.Length:N0} bytes, {allocated:N0} bytes allocated, {outcome.Elapsed.TotalMilliseconds:N0} ms");
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"bomb is {bomb.Length:N0} bytes on the wire");
        Assert.Equal(FailureKind.None, outcome.Failure);
        Assert.Equal(Cap, outcome.Body!.Length);
        Assert.True(outcome.BodyTruncated);
        Assert.True(allocated < AllocationBound, $"{allocated:N0} bytes allocated inflating a {GzipBomb.InflatedBytes:N0}-byte bomb");
    }

    [Fact]
    public async Task LargeButAllowedResponseHeaderIsRead()
    {
        string big = new('a', 60 * 1024);
        await using var server = RawServer.Start((_, c, ct) => c.RespondAsync(200, $"X-Big: {big}\r\n", "", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("big-header"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Ok, result.Status);
    }

    [Fact]
    public async Task SixtyFourKilobyteResponseHeaderIsBrokenWithAnHonestReason()
    {
        string big = new('a', 64 * 1024);
        await using var server = RawServer.Start((_, c, ct) => c.RespondAsync(200, $"X-Big: {big}\r\n", "", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("huge-header"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        _output.WriteLine($"64 KB header: {result.Status} {result.FailureKind}: {result.Reason}");
        Assert.Equal(FailureKind.Http, result.FailureKind);
        Assert.Contains("header", result.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task TenKilobyteUrlIsChecked()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var url = server.Url("long/" + new string('p', 10 * 1024) + "?q=" + new string('q', 100));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), url);
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(1, server.Requests);
        Assert.Equal(url.AbsoluteUri, result.Url);
    }
}
