using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Monitoring;

public class CertificateTests
{
    private static X509Certificate2 SelfSigned(TimeSpan validFor, TimeSpan? startedAgo = null)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var created = request.CreateSelfSigned(now - (startedAgo ?? TimeSpan.FromDays(1)), now + validFor);
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private static async Task<(WebApplication App, Uri Url)> HttpsAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.Run(c => c.Response.WriteAsync("ok"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new Uri(address.Replace("[::]", "127.0.0.1").TrimEnd('/') + "/health"));
    }

    [Fact]
    public async Task ACertificateExpiringSoonIsDegradedAndAnUntrustedOneIsDown()
    {
        using var certificate = SelfSigned(TimeSpan.FromDays(3.5));
        var (app, url) = await HttpsAsync(certificate);
        await using var _ = app;

        // Trusted for the test (self-signed): the expiry is what is judged.
        var (sink, _, _) = Run(Settings(s => s with { Once = true, PassThru = true, Engine = s.Engine with { SkipCertificateCheck = true }, Checks = s.Checks with { MinCertificateDays = 14 } }), new WatchSite(url));
        var check = Assert.Single(sink.Checks());
        Assert.Equal((SiteHealth.Degraded, WatchFailureKind.Certificate), (check.State, check.FailureKind));
        Assert.Equal(3, check.CertificateDaysLeft);
        Assert.Contains("expires in 3 days", check.Error);
        Assert.Equal(StateChangeReason.Initial, Assert.Single(sink.Changes()).Reason);

        // Not trusted: the HTTP check itself fails on TLS.
        var (strict, _, _) = Run(Settings(s => s with { Once = true, PassThru = true }), new WatchSite(url));
        var failed = Assert.Single(strict.Checks());
        Assert.Equal((SiteHealth.Down, WatchFailureKind.Tls), (failed.State, failed.FailureKind));
    }

    [Fact]
    public async Task AnExpiredCertificateIsDownForThatReason()
    {
        using var certificate = SelfSigned(TimeSpan.FromDays(-2), startedAgo: TimeSpan.FromDays(30));
        var (app, url) = await HttpsAsync(certificate);
        await using var _ = app;

        var (sink, _, _) = Run(Settings(s => s with { Once = true, PassThru = true }), new WatchSite(url));
        var check = Assert.Single(sink.Checks());
        Assert.Equal((SiteHealth.Down, WatchFailureKind.Certificate), (check.State, check.FailureKind));
        Assert.StartsWith("the TLS certificate expired on ", check.Error);
        Assert.True(check.CertificateDaysLeft < 0);
    }
}
