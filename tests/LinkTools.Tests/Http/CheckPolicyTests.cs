using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Model.Checking;
using LinkTools.Model.Monitoring;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Http;

/// <summary>
/// How an answer is judged travels with each call (the caller's <see cref="CheckPolicy"/>), not with the engine: one
/// engine serves checks that ask and judge differently, and the HEAD-to-GET rule judges a HEAD by the call's policy.
/// </summary>
public class CheckPolicyTests
{
    [Fact]
    public async Task OneEngineJudgesEachCallByItsCallersPolicy()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 418; return Task.CompletedTask; });
        using var engine = new FetchEngine(new EngineOptions { MaximumRetryCount = 0 });

        var plain = await new LinkChecker(engine).CheckAsync(server.Url("plain"), CancellationToken.None);
        var accepting = await new LinkChecker(engine, new CheckPolicy { AcceptStatusCodes = new[] { 418 } }).CheckAsync(server.Url("accepting"), CancellationToken.None);
        var byGet = await new LinkChecker(engine, new CheckPolicy { Method = CheckMethod.Get }).CheckAsync(server.Url("by-get"), CancellationToken.None);

        // Default policy: the failed HEAD is confirmed by one GET, and the link is broken.
        Assert.Equal(LinkStatus.Broken, plain.Status);
        Assert.Equal((1, 1), (server.HitCount("HEAD", "/plain"), server.HitCount("GET", "/plain")));
        // 418 accepted: the HEAD did not fail, so no GET was sent.
        Assert.Equal(LinkStatus.Ok, accepting.Status);
        Assert.Equal((1, 0), (server.HitCount("HEAD", "/accepting"), server.HitCount("GET", "/accepting")));
        // Method Get: GET only.
        Assert.Equal((0, 1), (server.HitCount("HEAD", "/by-get"), server.HitCount("GET", "/by-get")));
    }

    [Fact]
    public async Task TheWatchJudgesByItsOwnAcceptedCodes()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 418; return Task.CompletedTask; });
        using var engine = new FetchEngine(new EngineOptions { MaximumRetryCount = 0 });
        var policy = new SiteCheckPolicy { Retry = 0, MinCertificateDays = 0, Answers = new CheckPolicy { AcceptStatusCodes = new[] { 418 } } };
        var checker = new SiteChecker(engine, policy, SystemClock.Instance);

        var result = await checker.CheckAsync(new WatchSite(server.Url("site")), CancellationToken.None);

        Assert.Equal(SiteHealth.Up, result.State);
        Assert.Equal(0, server.HitCount("GET", "/site"));
    }

    [Fact]
    public void AnAcceptedCodeOutOfRangeIsRefusedAsThePolicyIsBuilt()
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => new CheckPolicy { AcceptStatusCodes = new[] { 1000 } });
        Assert.Equal("AcceptStatusCodes", refused.ParamName);
    }
}
