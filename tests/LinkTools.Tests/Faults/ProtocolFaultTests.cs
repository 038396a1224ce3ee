using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>Peers that answer, but not with HTTP: the link is Broken with the server named, never a crash.</summary>
public class ProtocolFaultTests
{
    [Theory]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n\r\n")]
    [InlineData("HTTP/1.1 abc Nonsense\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Header Without Colon\r\n\r\n")]
    public async Task GarbageInsteadOfHttpIsBroken(string reply)
    {
        await using var server = RawServer.Start((_, c, ct) => c.WriteAsync(reply, ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("garbage"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Contains(server.BaseUri.Authority, result.Reason);
    }

    [Fact]
    public async Task ClosedWithoutAByteIsAConnectFailure()
    {
        await using var server = RawServer.Start((_, _, _) => Task.CompletedTask);
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("mute"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Connect, result.FailureKind);
        Assert.Equal(2, result.Attempts);
    }
}
