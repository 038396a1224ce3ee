using System.Net;
using System.Net.Sockets;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>
/// The engine-level faults again, all in one Test-Link run through the operation and a RecordingSink: every URL gets
/// its own honest verdict, exactly once, and one hostile server does not hold up the others.
/// </summary>
public class TestLinkFaultRunTests
{
    [Fact]
    public async Task EveryFaultInOneRunGetsItsVerdict()
    {
        await using var silent = RawServer.Start((_, _, ct) => Task.Delay(Timeout.Infinite, ct));
        await using var dripping = RawServer.Start((_, c, ct) => c.DripAsync("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", TimeSpan.FromSeconds(1), ct));
        await using var resetting = RawServer.Start(async (_, c, ct) => { await c.WriteAsync("HTTP/1.1 200 OK\r\nConte", ct); c.Reset(); });
        await using var garbage = RawServer.Start((_, c, ct) => c.WriteAsync("SSH-2.0-OpenSSH_9.6\r\n\r\n", ct));
        await using var endless = RawServer.Start(async (_, c, ct) =>
        {
            await c.WriteAsync("HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\n", ct);
            var chunk = new byte[64 * 1024];
            for (int i = 0; i < 32768; i++) await c.WriteAsync(chunk, ct);
        });
        await using var site = RawServer.Start((r, c, ct) => r.Target switch
        {
            "/ok" => c.RespondAsync(200, "", "ok", ct),
            "/loop-a" => c.RespondAsync(302, "Location: /loop-b\r\n", "", ct),
            "/loop-b" => c.RespondAsync(302, "Location: /loop-a\r\n", "", ct),
            "/relative/page" => c.RespondAsync(301, "Location: ../ok\r\n", "", ct),
            "/dup" => c.RespondAsync(302, "Location: /one\r\nLocation: /two\r\n", "", ct),
            "/file" => c.RespondAsync(302, "Location: file:///etc/passwd\r\n", "", ct),
            "/javascript" => c.RespondAsync(302, "Location: javascript:alert(1)\r\n", "", ct),
            "/huge-header" => c.RespondAsync(200, $"X-Big: {new string('a', 64 * 1024)}\r\n", "", ct),
            "/gone" => c.RespondAsync(404, "", "", ct),
            _ when r.Target.StartsWith("/hop/") && int.Parse(r.Target[5..]) < 30 => c.RespondAsync(302, $"Location: /hop/{int.Parse(r.Target[5..]) + 1}\r\n", "", ct),
            _ => c.RespondAsync(200, "", "", ct),
        });
        using var certificate = TestCertificates.SelfSigned();
        await using var tls = await TlsTestServer.StartAsync(certificate);
        int refusedPort = ClosedPort();

        var expected = new Dictionary<string, (LinkStatus Status, FailureKind Kind)>
        {
            [site.Url("ok").AbsoluteUri] = (LinkStatus.Ok, FailureKind.None),
            [silent.Url("silent").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Timeout),
            [dripping.Url("drip").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Timeout),
            [resetting.Url("reset").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Connect),
            [garbage.Url("garbage").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Http),
            [endless.Url("endless").AbsoluteUri] = (LinkStatus.Ok, FailureKind.None),
            [site.Url("loop-a").AbsoluteUri] = (LinkStatus.Broken, FailureKind.RedirectLoop),
            [site.Url("hop/0").AbsoluteUri] = (LinkStatus.Broken, FailureKind.TooManyRedirects),
            [site.Url("relative/page").AbsoluteUri] = (LinkStatus.Redirected, FailureKind.None),
            [site.Url("dup").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Http),
            [site.Url("file").AbsoluteUri] = (LinkStatus.Broken, FailureKind.UnsupportedScheme),
            [site.Url("javascript").AbsoluteUri] = (LinkStatus.Broken, FailureKind.UnsupportedScheme),
            [site.Url("huge-header").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Http),
            [site.Url("gone").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Http),
            [tls.Url("secure").AbsoluteUri] = (LinkStatus.Broken, FailureKind.Tls),
            [$"http://127.0.0.1:{refusedPort}/refused"] = (LinkStatus.Broken, FailureKind.Connect),
        };

        var sink = await Invariants.TestLinkAsync(FaultOptions.TestLink(), expected.Keys.ToList(), FaultOptions.CaseBound);

        var results = sink.OfType<LinkResult>().ToDictionary(r => r.Url);
        foreach (var (url, verdict) in expected)
        {
            var result = results[url];
            Assert.True(verdict == (result.Status, result.FailureKind), $"{url}: expected {verdict}, got {result.Status} {result.FailureKind} ({result.Reason})");
            Assert.False(string.IsNullOrWhiteSpace(result.Reason), url + " has no reason");
        }

        Assert.Empty(sink.Errors);
        Assert.True(endless.BytesSent < 64L * 1024 * 1024, $"the endless server sent {endless.BytesSent:N0} bytes");
    }

    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
