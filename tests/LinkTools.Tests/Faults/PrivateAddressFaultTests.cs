using System.Net;
using System.Net.Http;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>
/// ExcludePrivateAddresses: hosts resolving to internal addresses are refused before any connection. The tests stand
/// 127.0.0.2 in for the metadata address 169.254.169.254, and never touch the real one or real DNS.
/// </summary>
public class PrivateAddressFaultTests
{
    private static readonly IPAddress MetadataStandIn = IPAddress.Parse("127.0.0.2");

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.1")]
    [InlineData("100.100.100.200")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:169.254.169.254")]
    public void PrivateRangesAreRecognised(string address) =>
        Assert.True(PrivateAddresses.IsPrivate(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700::1111")]
    [InlineData("::ffff:1.1.1.1")]
    public void PublicAddressesAreNot(string address) =>
        Assert.False(PrivateAddresses.IsPrivate(IPAddress.Parse(address)), address);

    [Fact]
    public async Task MetadataStyleAddressIsRefusedWithoutConnecting()
    {
        await using var metadata = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "secret-role-credentials", ct), MetadataStandIn);
        var settings = FaultOptions.TestLink(o => o with { ExcludePrivateAddresses = true });
        var url = metadata.Url("latest/meta-data/iam/security-credentials/").AbsoluteUri;

        var sink = await Invariants.TestLinkAsync(settings, new[] { url }, FaultOptions.CaseBound);

        var result = Assert.Single(sink.OfType<LinkResult>());
        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Equal(FailureKind.PrivateAddress, result.FailureKind);
        Assert.Contains("127.0.0.2", result.Reason);
        Assert.Contains("loopback", result.Reason);
        Assert.Empty(sink.Errors);
        Assert.Equal(0, metadata.Connections);
    }

    [Fact]
    public async Task RedirectFromAPublicSiteToTheMetadataAddressIsRefused()
    {
        await using var metadata = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "secret", ct), MetadataStandIn);
        await using var site = RawServer.Start((_, c, ct) => c.RespondAsync(302, $"Location: {metadata.Url("latest/meta-data/")}\r\n", "", ct));
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }));

        // 127.0.0.1 plays a public site here; everything else keeps its real classification.
        engine.Addresses!.Classify = a => a.Equals(IPAddress.Loopback) ? null : PrivateAddresses.Classify(a);

        var result = await Invariants.WithinAsync(FaultOptions.CaseBound, () => new LinkChecker(engine, FaultOptions.ByGet).CheckAsync(site.Url("away"), CancellationToken.None));

        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Equal(FailureKind.PrivateAddress, result.FailureKind);
        Assert.Equal(metadata.Url("latest/meta-data/").AbsoluteUri, result.FinalUrl);
        Assert.Equal(1, site.Connections);
        Assert.Equal(0, metadata.Connections);
    }

    [Fact]
    public async Task NameResolvingToAnyPrivateAddressIsRefused()
    {
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }));
        // A stand-in resolver: a rebinding-style name with one public and one metadata answer. No real DNS is queried.
        engine.Addresses!.Resolve = (host, _) => Task.FromResult(host == "internal.invalid"
            ? new[] { IPAddress.Parse("203.0.113.10"), IPAddress.Parse("169.254.169.254") }
            : throw new InvalidOperationException("unexpected lookup of " + host));

        var outcome = await Invariants.WithinAsync(FaultOptions.CaseBound,
            () => engine.FetchAsync(new Uri("http://internal.invalid/"), HttpMethod.Head, readBody: false, CancellationToken.None));

        Assert.Equal(FailureKind.PrivateAddress, outcome.Failure);
        Assert.Contains("169.254.169.254", outcome.Reason);
        Assert.Contains("link-local", outcome.Reason);
        Assert.Equal(1, outcome.Attempts);
    }

    [Theory]
    [InlineData("http://[::1]:9/")]
    [InlineData("http://[::ffff:169.254.169.254]/")]
    [InlineData("http://[fd00:ec2::254]/")]
    [InlineData("http://0x7f000001/")]
    [InlineData("http://2130706433/")]
    [InlineData("http://127.1/")]
    [InlineData("http://0177.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://0.0.0.0:9/")]
    public async Task AddressSpellingsAreRefusedBeforeAnyConnection(string url)
    {
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }));
        // Every spelling here is an address, never a name: a lookup would mean the check was bypassed, so none is made.
        engine.Addresses!.Resolve = (host, _) => throw new InvalidOperationException("unexpected lookup of " + host);

        var outcome = await Invariants.WithinAsync(FaultOptions.CaseBound,
            () => engine.FetchAsync(new Uri(url), HttpMethod.Head, readBody: false, CancellationToken.None));

        Assert.Equal(FailureKind.PrivateAddress, outcome.Failure);
        Assert.Null(outcome.StatusCode);
    }

    [Theory]
    [InlineData(typeof(System.Net.Sockets.SocketException))]
    [InlineData(typeof(ArgumentOutOfRangeException))]
    public async Task AResolverFailureRefusesTheHostAsADnsFailure(Type failure)
    {
        // The guard alone, so nothing is sent: a name the guard cannot resolve is one it cannot vouch for (the handler
        // might still reach it), so it is not requested; nothing throws, and the verdict is the DNS failure it is.
        var guard = new AddressGuard { Resolve = (_, _) => throw (Exception)Activator.CreateInstance(failure)! };
        var refusal = await guard.RefusalAsync(new Uri("http://unresolvable.invalid/"), CancellationToken.None);
        Assert.Equal(FailureKind.Dns, refusal?.Kind);
    }

    [Fact]
    public async Task WithoutTheSwitchLoopbackIsCheckedAsUsual()
    {
        await using var server = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "", ct), MetadataStandIn);
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("x"));
        Assert.Equal(LinkStatus.Ok, result.Status);
    }
}
