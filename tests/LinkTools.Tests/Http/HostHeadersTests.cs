using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Http;

/// <summary>Headers given for one host go to that host only: not to its other ports, not to hosts a redirect leads to.</summary>
public class HostHeadersTests
{
    [Fact]
    public async Task AHostsHeadersGoToThatHostAndPortOnly()
    {
        await using var other = await TestServer.StartAsync(c => Task.CompletedTask);
        await using var api = await TestServer.StartAsync(c =>
        {
            if (c.Request.Path == "/moved") { c.Response.StatusCode = 302; c.Response.Headers.Location = other.Url("landed").AbsoluteUri; }
            return Task.CompletedTask;
        });

        var options = new EngineOptions { HostHeaders = HostHeaders(api.BaseUri.Authority) };
        using var engine = new FetchEngine(options);
        var checker = new LinkChecker(engine, new CheckPolicy { Method = CheckMethod.Get });

        // Neither URL's origin is trusted: the token goes by host, not by the URLs given.
        await checker.CheckAsync(api.Url("data"), CancellationToken.None);
        await checker.CheckAsync(other.Url("page"), CancellationToken.None);
        await checker.CheckAsync(api.Url("moved"), CancellationToken.None);

        Assert.Equal("secret", api.HeadersSeen["/data"]["X-Api-Token"]);
        Assert.False(other.HeadersSeen["/page"].ContainsKey("X-Api-Token"));
        Assert.False(other.HeadersSeen["/landed"].ContainsKey("X-Api-Token"));
    }

    [Fact]
    public async Task AnOriginKeyAlsoHoldsTheScheme()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var options = new EngineOptions { HostHeaders = HostHeaders("https://" + server.BaseUri.Authority) };
        using var engine = new FetchEngine(options);
        await new LinkChecker(engine, new CheckPolicy { Method = CheckMethod.Get }).CheckAsync(server.Url("plain-http"), CancellationToken.None);
        Assert.False(server.HeadersSeen["/plain-http"].ContainsKey("X-Api-Token"));
    }

    [Theory]
    [InlineData("https://api.example/path")]
    [InlineData("ftp://api.example")]
    [InlineData("api.example/x")]
    [InlineData("user@api.example")]
    [InlineData("")]
    public void AKeyThatIsNotAHostIsRefusedNamingIt(string key)
    {
        var error = Assert.Throws<ArgumentException>(() => new EngineOptions { HostHeaders = new Dictionary<string, IReadOnlyDictionary<string, string>> { [key] = new Dictionary<string, string> { ["X"] = "1" } } });
        Assert.Equal(nameof(EngineOptions.HostHeaders), error.ParamName);
        Assert.Contains($"'{key}' is not a host", error.Message);
    }

    private static Dictionary<string, IReadOnlyDictionary<string, string>> HostHeaders(string key) =>
        new() { [key] = new Dictionary<string, string> { ["X-Api-Token"] = "secret" } };
}
