using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Hosts spelt with non-ASCII dots and digits, and IDN names: the private-address guard decides on the host the handler
/// connects to (UTS 46 mapping first), so '127。0。0。1' is loopback. Every lookup goes to a stub; none reaches DNS.
/// </summary>
public class HostMappingFaultTests
{
    private static Task<IPAddress[]> Unresolvable(string host, CancellationToken _) =>
        throw new SocketException((int)SocketError.HostNotFound);

    [Theory]
    [InlineData("127\u30020\u30020\u30021")] // ideographic full stop
    [InlineData("127\uFF0E0\uFF0E0\uFF0E1")] // fullwidth full stop
    [InlineData("127\uFF610\uFF610\uFF611")] // halfwidth ideographic full stop
    [InlineData("0x7f\u30021")]
    [InlineData("\uFF11\uFF12\uFF17\uFF0E\uFF10\uFF0E\uFF10\uFF0E\uFF11")] // fullwidth digits
    public async Task UnicodeSpellingsOfLoopbackAreRefusedWithoutConnecting(string host)
    {
        await using var server = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "internal", ct));
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }));
        engine.Addresses!.Resolve = Unresolvable;

        var url = new Uri($"http://{host}:{server.BaseUri.Port}/ok");
        var result = await Invariants.WithinAsync(FaultOptions.CaseBound, () => new LinkChecker(engine, FaultOptions.ByGet).CheckAsync(url, CancellationToken.None));

        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Equal(FailureKind.PrivateAddress, result.FailureKind);
        Assert.Contains("127.0.0.1", result.Reason);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task AnIdnNameIsResolvedInTheFormTheHandlerConnectsTo()
    {
        var asked = new List<string>();
        var transport = new CountingHandler();
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }), handler: transport);
        engine.Addresses!.Resolve = (host, _) =>
        {
            lock (asked) asked.Add(host);
            return host == "xn--bcher-kva.test" ? Task.FromResult(new[] { IPAddress.Loopback }) : throw new SocketException((int)SocketError.HostNotFound);
        };

        var outcome = await Invariants.WithinAsync(FaultOptions.CaseBound,
            () => engine.FetchAsync(new Uri("http://b\u00FCcher.test/admin"), HttpMethod.Head, readBody: false, CancellationToken.None));

        Assert.Equal(FailureKind.PrivateAddress, outcome.Failure);
        Assert.Equal(new[] { "xn--bcher-kva.test" }, asked);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task ANameTheGuardCannotResolveIsNotRequested()
    {
        var transport = new CountingHandler();
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }), handler: transport);
        engine.Addresses!.Resolve = Unresolvable;

        var outcome = await Invariants.WithinAsync(FaultOptions.CaseBound,
            () => engine.FetchAsync(new Uri("http://\u2603\u2603.test/"), HttpMethod.Head, readBody: false, CancellationToken.None));

        Assert.Equal(FailureKind.Dns, outcome.Failure);
        Assert.Contains("not requested", outcome.Reason);
        Assert.Equal(0, transport.Calls);
    }

    [Fact]
    public async Task ARedirectWhoseLocationCarriesARawUtf8HostIsRefused()
    {
        await using var internalService = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "secret", ct));
        byte[] head = Encoding.UTF8.GetBytes(
            $"HTTP/1.1 302 Found\r\nLocation: http://127\u30020\u30020\u30021:{internalService.BaseUri.Port}/latest/meta-data/\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        await using var site = RawServer.Start((_, c, ct) => c.WriteAsync(head, ct), IPAddress.Parse("127.0.0.2"));
        using var engine = new FetchEngine(FaultOptions.Engine(o => o with { ExcludePrivateAddresses = true }));
        // 127.0.0.2 plays the public site; every other address keeps its real classification.
        engine.Addresses!.Classify = a => a.Equals(IPAddress.Parse("127.0.0.2")) ? null : PrivateAddresses.Classify(a);
        engine.Addresses!.Resolve = Unresolvable;

        var result = await Invariants.WithinAsync(FaultOptions.CaseBound, () => new LinkChecker(engine, FaultOptions.ByGet).CheckAsync(site.Url("away"), CancellationToken.None));

        Assert.Equal(LinkStatus.Skipped, result.Status);
        Assert.Equal(FailureKind.PrivateAddress, result.FailureKind);
        Assert.Equal(1, site.Connections);
        Assert.Equal(0, internalService.Connections);
    }

    [Theory]
    [InlineData("http://\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D/", "http://example.com/")]
    [InlineData("http://\uFF25\uFF38\uFF21\uFF2D\uFF30\uFF2C\uFF25.com/a", "http://example.com/a")]
    [InlineData("http://www\u3002example\u3002com/", "http://www.example.com/")]
    [InlineData("http://b\u00FCcher.example/", "http://xn--bcher-kva.example/")]
    public void TheNormalizerMapsHostsAsUts46Does(string url, string expected) =>
        Assert.Equal(expected, UrlNormalizer.Normalize(new Uri(url)).AbsoluteUri);

    [Fact]
    public async Task TheCliMapsAFullwidthHostAsTheModuleDoes()
    {
        // The CLI runs with invariant globalization, where Uri.IdnHost punycodes 'ｅｘａｍｐｌｅ．ｃｏｍ' as it stands. The link
        // is left out by --exclude, so its mapped form is read from the output without a lookup or a request.
        var site = new PageSite();
        await using var server = await site.StartAsync();
        site.Add("/", "text/html", "<a href=\"http://\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D/\">fullwidth</a>");

        var cli = await Infrastructure.CliProcess.RunAsync(null, "crawl", server.Url("/").AbsoluteUri, "--exclude", @"^https?://(?!127\.0\.0\.1)",
            "--include-skipped", "--ignore-robots-txt", "--format", "json");

        var row = cli.Lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement).Single(r => r.GetProperty("LinkText").GetString() == "fullwidth");
        Assert.Equal("http://example.com/", row.GetProperty("FinalUrl").GetString());
        Assert.Equal("http://example.com/", UrlNormalizer.Normalize(new Uri("http://\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45\uFF0E\uFF43\uFF4F\uFF4D/")).AbsoluteUri);
    }

    [Fact]
    public async Task TheCliRefusesAUnicodeSpellingOfLoopback()
    {
        await using var server = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "internal", ct));
        var cli = await Infrastructure.CliProcess.RunAsync(null, "check", "--exclude-private-addresses", "--format", "json",
            $"http://127\u30020\u30020\u30021:{server.BaseUri.Port}/ok");

        var row = System.Text.Json.JsonDocument.Parse(Assert.Single(cli.Lines)).RootElement;
        Assert.Equal("Skipped", row.GetProperty("Status").GetString());
        Assert.Equal("PrivateAddress", row.GetProperty("FailureKind").GetString());
        Assert.Equal(0, server.Connections);
    }

    /// <summary>A transport that answers 200 and counts: a request that reaches it got past the guard.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK));
        }
    }
}
