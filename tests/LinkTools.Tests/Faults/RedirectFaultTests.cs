using System.Net;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>Redirects that loop, run long, point somewhere odd or try to carry the site's secrets to another host.</summary>
public class RedirectFaultTests
{
    private static Task Redirect(RawConnection c, string location, CancellationToken ct) =>
        c.RespondAsync(302, $"Location: {location}\r\n", "", ct);

    [Fact]
    public async Task LoopIsBrokenWithRedirectLoop()
    {
        await using var server = RawServer.Start((r, c, ct) => Redirect(c, r.Target == "/a" ? "/b" : "/a", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("a"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.RedirectLoop, result.FailureKind);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task ThirtyHopChainStopsAtTheLimit()
    {
        await using var server = RawServer.Start((r, c, ct) =>
        {
            int hop = int.Parse(r.Target.Split('/').Last());
            return hop < 30 ? Redirect(c, "/hop/" + (hop + 1), ct) : c.RespondAsync(200, "", "end", ct);
        });
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(o => o with { MaximumRedirection = 10 }), server.Url("hop/0"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.TooManyRedirects, result.FailureKind);
        Assert.Contains("more than 10 redirects", result.Reason);
        Assert.Equal(11, server.Requests.Count);
    }

    [Theory]
    [InlineData("/dir/sub/page", "../target", "/dir/target")]
    [InlineData("/dir/page", "target?x=1", "/dir/target?x=1")]
    [InlineData("/dir/page", "?q=2", "/dir/page?q=2")]
    [InlineData("/dir/page", "/rooted/./x/../y", "/rooted/y")]
    public async Task RelativeLocationIsResolvedAgainstTheRequestUrl(string from, string location, string expected)
    {
        await using var server = RawServer.Start((r, c, ct) =>
            r.Target == from ? Redirect(c, location, ct) : c.RespondAsync(200, "", "landed", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url(from.TrimStart('/')), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Redirected, result.Status);
        Assert.Equal(server.Url(expected.TrimStart('/')).AbsoluteUri, result.FinalUrl);
        Assert.Equal(expected, server.Requests.Last().Target);
    }

    [Fact]
    public async Task ConflictingDuplicateLocationHeadersAreNotFollowed()
    {
        // Browsers refuse a redirect whose Location headers disagree; the engine must neither guess nor call it Ok.
        await using var server = RawServer.Start((r, c, ct) =>
            r.Target == "/dup" ? c.RespondAsync(302, "Location: /one\r\nLocation: /two\r\n", "", ct) : c.RespondAsync(200, "", "", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("dup"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Contains("Location", result.Reason);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task IdenticalDuplicateLocationHeadersAreFollowedOnce()
    {
        await using var server = RawServer.Start((r, c, ct) =>
            r.Target == "/dup" ? c.RespondAsync(301, "Location: /one\r\nLocation: /one\r\n", "", ct) : c.RespondAsync(200, "", "", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("dup"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Redirected, result.Status);
        Assert.Equal(server.Url("one").AbsoluteUri, result.FinalUrl);
    }

    [Theory]
    [InlineData("", "without a Location header")]
    [InlineData("Location: http://[::1\r\n", "not a URL")]
    [InlineData("Location: http://127.0.0.1:99999/\r\n", "not a URL")]
    public async Task RedirectThatCannotBeFollowedIsNotOk(string headers, string reason)
    {
        await using var server = RawServer.Start((_, c, ct) => c.RespondAsync(302, headers, "", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("nowhere"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Http, result.FailureKind);
        Assert.Contains(reason, result.Reason);
        Assert.Single(server.Requests);
    }

    [Theory]
    [InlineData("file:///etc/passwd", "file")]
    [InlineData("javascript:alert(1)", "javascript")]
    [InlineData("data:text/html,hello", "data")]
    [InlineData("ftp://127.0.0.1:{ftp}/pub", "ftp")]
    public async Task RedirectToANonHttpSchemeIsRefusedAndNeverFollowed(string location, string scheme)
    {
        // The ftp target is a live loopback listener, so "never followed" is observable as zero connections.
        await using var ftp = RawServer.Start((_, c, ct) => c.WriteAsync("220 ready\r\n", ct));
        location = location.Replace("{ftp}", ftp.BaseUri.Port.ToString());
        await using var server = RawServer.Start((_, c, ct) => Redirect(c, location, ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("away"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.UnsupportedScheme, result.FailureKind);
        Assert.Contains($"redirect to a {scheme}: URL refused", result.Reason);
        Assert.Equal(0, ftp.Connections);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task SecretsForTheSiteAreNotCarriedToAnotherHost()
    {
        // 127.0.0.2 is another host on the loopback network: a different origin, as a real third-party host would be.
        await using var other = RawServer.Start((r, c, ct) =>
            c.RespondAsync(401, "WWW-Authenticate: Basic realm=\"other\"\r\n", "", ct), IPAddress.Parse("127.0.0.2"));
        await using var site = RawServer.Start((r, c, ct) =>
            r.Target == "/away" ? Redirect(c, other.Url("landing").AbsoluteUri, ct) : c.RespondAsync(200, "", "", ct));
        var options = FaultOptions.Engine(o => o with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer site-token", ["X-Api-Key"] = "site-key", ["Cookie"] = "session=site-session" },
            Credential = new NetworkCredential("siteuser", "sitepass"),
        });

        var result = await FaultCheck.LinkAsync(options, site.Url("away"), checks: FaultOptions.ByGet);

        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(401, result.StatusCode);
        var atSite = Assert.Single(site.Requests);
        Assert.Equal("Bearer site-token", atSite.Header("Authorization"));
        Assert.Equal("site-key", atSite.Header("X-Api-Key"));
        Assert.NotEmpty(other.Requests);
        Assert.All(other.Requests, r =>
        {
            Assert.False(r.HasHeader("Authorization"), "Authorization reached the other host");
            Assert.False(r.HasHeader("X-Api-Key"), "a custom header reached the other host");
            Assert.False(r.HasHeader("Cookie"), "the site's cookie reached the other host");
        });
    }

    [Fact]
    public async Task UserInfoInARedirectTargetIsRedactedEverywhere()
    {
        await using var other = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "", ct), IPAddress.Parse("127.0.0.2"));
        var target = $"http://admin:hunter2@127.0.0.2:{other.BaseUri.Port}/landing";
        await using var site = RawServer.Start((r, c, ct) => r.Target == "/loop"
            ? Redirect(c, $"http://admin:hunter2@127.0.0.1:{((IPEndPoint)c.LocalEndPoint).Port}/loop", ct)
            : Redirect(c, target, ct));

        var moved = await FaultCheck.LinkAsync(FaultOptions.Engine(), site.Url("away"), checks: FaultOptions.ByGet);
        var looped = await FaultCheck.LinkAsync(FaultOptions.Engine(), site.Url("loop"), checks: FaultOptions.ByGet);

        Assert.Equal(LinkStatus.Redirected, moved.Status);
        Assert.False(Assert.Single(other.Requests).HasHeader("Authorization"), "user info from a redirect became credentials");
        foreach (var result in new[] { moved, looped })
        {
            Assert.DoesNotContain("hunter2", result.FinalUrl);
            Assert.DoesNotContain("hunter2", result.RedirectChain);
            Assert.DoesNotContain("hunter2", result.Reason);
        }
    }

    [Fact]
    public async Task SecretsForTheSiteAreNotCarriedToAnotherPortOfTheSameHost()
    {
        await using var other = RawServer.Start((_, c, ct) => c.RespondAsync(200, "", "", ct));
        await using var site = RawServer.Start((_, c, ct) => Redirect(c, other.Url("landing").AbsoluteUri, ct));
        var options = FaultOptions.Engine(o => o with { Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer site-token" } });
        var result = await FaultCheck.LinkAsync(options, site.Url("away"), checks: FaultOptions.ByGet);
        Assert.Equal(LinkStatus.Redirected, result.Status);
        Assert.False(Assert.Single(other.Requests).HasHeader("Authorization"));
    }

    [Theory]
    [InlineData(304, "")]                       // unsolicited: no conditional request was sent
    [InlineData(300, "Location: /choice\r\n")] // not one of the Fetch standard's redirect statuses, so never followed
    [InlineData(305, "Location: /proxy\r\n")]
    public async Task AFinal3xxThatIsNoRedirectIsNotOk(int status, string headers)
    {
        // Fetch: a 3xx that is not a followed redirect is the response itself, and only 2xx is an ok status.
        await using var server = RawServer.Start((r, c, ct) => r.Target == "/odd" ? c.RespondAsync(status, headers, "", ct) : c.RespondAsync(200, "", "", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("odd"), checks: FaultOptions.ByGet);
        Assert.Equal((LinkStatus.Broken, FailureKind.Http, status), (result.Status, result.FailureKind, result.StatusCode));
        Assert.Contains("not a 2xx", result.Reason);
    }

    [Fact]
    public async Task A308ThenA3xxWithoutLocationIsBrokenAtThatHop()
    {
        await using var server = RawServer.Start((r, c, ct) => r.Target == "/start"
            ? c.RespondAsync(308, "Location: /next\r\n", "<p>moved permanently</p>", ct)
            : c.RespondAsync(301, "", "<p>no Location</p>", ct));
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("start"), checks: FaultOptions.ByGet);
        Assert.Equal((LinkStatus.Broken, FailureKind.Http, 301), (result.Status, result.FailureKind, result.StatusCode));
        Assert.Equal(server.Url("next").AbsoluteUri, result.FinalUrl);
        Assert.Contains("without a Location", result.Reason);
    }
}
