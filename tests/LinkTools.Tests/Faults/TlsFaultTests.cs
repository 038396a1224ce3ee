using System.Security.Cryptography.X509Certificates;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>Certificates no client should trust: Broken with a certificate reason, Ok only when told to skip the check.</summary>
public class TlsFaultTests
{
    public static TheoryData<string> Kinds() => new() { "self-signed", "expired" };

    private static X509Certificate2 Make(string kind) => kind == "expired" ? TestCertificates.Expired() : TestCertificates.SelfSigned();

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task UntrustedCertificateIsBrokenWithACertificateReason(string kind)
    {
        using var certificate = Make(kind);
        await using var server = await TlsTestServer.StartAsync(certificate);
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("secure"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Tls, result.FailureKind);
        Assert.Contains("certificate", result.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, result.Attempts);
        Assert.Equal(0, server.Requests);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task SkipCertificateCheckMakesItOk(string kind)
    {
        using var certificate = Make(kind);
        await using var server = await TlsTestServer.StartAsync(certificate);
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(o => o with { SkipCertificateCheck = true }), server.Url("secure"));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task ExpiredCertificateReasonSaysSo()
    {
        using var certificate = TestCertificates.Expired();
        await using var server = await TlsTestServer.StartAsync(certificate);
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("secure"));
        Assert.Contains("NotTimeValid", result.Reason);
    }
}
