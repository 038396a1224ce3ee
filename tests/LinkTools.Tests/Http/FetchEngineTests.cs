using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Http;

public class FetchEngineTests
{
    private static readonly CheckPolicy ByGet = new() { Method = CheckMethod.Get };

    private static EngineOptions Fast(Func<EngineOptions, EngineOptions>? configure = null)
    {
        var options = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20), MaximumRetryCount = 2 };
        return configure == null ? options : configure(options);
    }

    private static async Task<LinkResult> CheckAsync(EngineOptions options, Uri uri, CheckPolicy? checks = null)
    {
        using var engine = new FetchEngine(options);
        return await new LinkChecker(engine, checks).CheckAsync(uri, CancellationToken.None);
    }

    [Fact]
    public async Task GlobalThrottleIsReachedAndNeverExceeded()
    {
        await using var server = await TestServer.StartAsync(async c => await Task.Delay(100));
        using var engine = new FetchEngine(Fast(o => o with { ThrottleLimit = 8, MaxConcurrencyPerHost = 100 }));
        var checker = new LinkChecker(engine);
        await Task.WhenAll(Enumerable.Range(0, 60).Select(i => checker.CheckAsync(server.Url("p" + i), CancellationToken.None)));
        Assert.Equal(8, server.MaxInFlight);
    }

    // A crawl's pages reveal the rest of its work, so a page waiting for a slot goes before checks that queued earlier:
    // otherwise each level of a site waits behind the checks the level above found, and what it links to starts late.
    [Theory]
    [InlineData(1, 8)] // the queue is the run's ThrottleLimit
    [InlineData(8, 1)] // the queue is the host's MaxConcurrencyPerHost
    public async Task APageWaitingForASlotGoesBeforeChecksThatQueuedEarlier(int throttle, int perHost)
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var server = await TestServer.StartAsync(async c =>
        {
            arrived.Enqueue(c.Request.Path.Value!);
            if (c.Request.Path == "/held") await release.Task.WaitAsync(TimeSpan.FromSeconds(10));
        });
        using var engine = new FetchEngine(Fast(o => o with { ThrottleLimit = throttle, MaxConcurrencyPerHost = perHost }));
        var held = engine.FetchAsync(server.Url("held"), HttpMethod.Get, readBody: false, CancellationToken.None);
        var clock = Stopwatch.StartNew();
        while (arrived.IsEmpty && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);

        var checks = Enumerable.Range(0, 3).Select(i => engine.ProbeAsync(server.Url("check" + i), CheckPolicy.Default, CancellationToken.None)).ToList();
        var page = engine.FetchPageAsync(server.Url("page"), null, CancellationToken.None);
        release.SetResult();
        await Task.WhenAll(checks.Append(page).Append(held)).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { "/held", "/page", "/check0", "/check1", "/check2" }, arrived.ToArray());
    }

    [Fact]
    public async Task PerHostLimitIsReachedAndNeverExceeded()
    {
        await using var server = await TestServer.StartAsync(async c => await Task.Delay(100));
        using var engine = new FetchEngine(Fast(o => o with { ThrottleLimit = 50, MaxConcurrencyPerHost = 3 }));
        var checker = new LinkChecker(engine);
        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => checker.CheckAsync(server.Url("p" + i), CancellationToken.None)));
        Assert.Equal(3, server.MaxInFlight);
    }

    [Fact]
    public async Task HandlerAllowsAsManyConnectionsAsThePerHostLimit()
    {
        // On .NET Framework the handler default is 2 per server; the engine must raise it to its own limits.
        await using var server = await TestServer.StartAsync(async c => await Task.Delay(200));
        using var engine = new FetchEngine(Fast(o => o with { ThrottleLimit = 40, MaxConcurrencyPerHost = 40 }));
        var checker = new LinkChecker(engine);
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => checker.CheckAsync(server.Url("p" + i), CancellationToken.None)));
        Assert.Equal(40, server.MaxInFlight);
    }

    [Theory]
    [InlineData(405)]
    [InlineData(501)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task AutoConfirmsHeadFailureWithGet(int headStatus)
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            c.Response.StatusCode = c.Request.Method == "HEAD" ? headStatus : 200;
            return Task.CompletedTask;
        });
        var result = await CheckAsync(Fast(), server.Url("page"));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal("GET", result.Method);
        Assert.Equal(1, server.HitCount("HEAD", "/page"));
        Assert.Equal(1, server.HitCount("GET", "/page"));
    }

    [Fact]
    public async Task AutoCallsBrokenOnlyWhenGetAgrees()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 404; return Task.CompletedTask; });
        var result = await CheckAsync(Fast(), server.Url("gone"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.True(result.IsBroken);
        Assert.Equal(404, result.StatusCode);
        Assert.Equal(FailureKind.Http, result.FailureKind);
        Assert.Equal("HTTP 404 Not Found", result.Reason);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task HeadMethodDoesNotFallBack()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = c.Request.Method == "HEAD" ? 405 : 200; return Task.CompletedTask; });
        var result = await CheckAsync(Fast(), server.Url("x"), new CheckPolicy { Method = CheckMethod.Head });
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(0, server.HitCount("GET", "/x"));
    }

    [Fact]
    public async Task RedirectChainIsRecorded()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            switch (c.Request.Path.Value)
            {
                case "/a": c.Response.Redirect("/b"); break;
                case "/b": c.Response.Redirect("c", permanent: true); break;
                case "/c": c.Response.StatusCode = 200; break;
            }
            return Task.CompletedTask;
        });
        var result = await CheckAsync(Fast(), server.Url("a"));
        Assert.Equal(LinkStatus.Redirected, result.Status);
        Assert.False(result.IsBroken);
        Assert.Equal(2, result.RedirectCount);
        Assert.Equal(server.Url("c").AbsoluteUri, result.FinalUrl);
        Assert.Equal(server.Url("b").AbsoluteUri + " -> " + server.Url("c").AbsoluteUri, result.RedirectChain);
    }

    [Fact]
    public async Task RedirectLoopIsReportedAsSuch()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.Redirect(c.Request.Path == "/x" ? "/y" : "/x"); return Task.CompletedTask; });
        var result = await CheckAsync(Fast(), server.Url("x"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.RedirectLoop, result.FailureKind);
        Assert.Contains("redirect loop", result.Reason);
        Assert.True(server.Requests <= 4, $"loop must be detected, not followed to the limit ({server.Requests} requests)");
    }

    [Fact]
    public async Task MaximumRedirectionIsEnforced()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            int n = int.Parse(c.Request.Path.Value!.TrimStart('/'));
            c.Response.Redirect("/" + (n + 1));
            return Task.CompletedTask;
        });
        var result = await CheckAsync(Fast(o => o with { MaximumRedirection = 5 }), server.Url("0"));
        Assert.Equal(FailureKind.TooManyRedirects, result.FailureKind);
        Assert.Equal(6, server.HitCount("HEAD", "/0") + Enumerable.Range(1, 10).Sum(i => server.HitCount("HEAD", "/" + i)));
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://127.0.0.1/file")]
    [InlineData("javascript:alert(1)")]
    public async Task RedirectToOtherSchemesIsRefused(string target)
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 302; c.Response.Headers.Location = target; return Task.CompletedTask; });
        var result = await CheckAsync(Fast(), server.Url("r"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.UnsupportedScheme, result.FailureKind);
        Assert.Contains("refused", result.Reason);
    }

    [Fact]
    public async Task TimeoutIsRetriedThenReported()
    {
        await using var server = await TestServer.StartAsync(c => Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted));
        var clock = Stopwatch.StartNew();
        var result = await CheckAsync(Fast(o => o with { Timeout = TimeSpan.FromMilliseconds(300), MaximumRetryCount = 1 }), server.Url("slow"));
        Assert.Equal(FailureKind.Timeout, result.FailureKind);
        Assert.Equal("timed out after 300 ms", result.Reason);
        // The HEAD and its retry time out; one GET (not retried) confirms before the link is called broken.
        Assert.Equal(3, result.Attempts);
        Assert.Equal("GET", result.Method);
        // (Not the server's hit counts: on a busy machine a retry's new connection may not reach it within 300 ms.)
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task TransientServerErrorIsRetried()
    {
        int calls = 0;
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = Interlocked.Increment(ref calls) <= 2 ? 503 : 200; return Task.CompletedTask; });
        var result = await CheckAsync(Fast(), server.Url("flaky"), ByGet);
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal(3, result.Attempts);
    }

    [Fact]
    public async Task PermanentClientErrorIsNotRetried()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 404; return Task.CompletedTask; });
        var result = await CheckAsync(Fast(), server.Url("nope"), ByGet);
        Assert.Equal(1, result.Attempts);
    }

    [Fact]
    public async Task RetryAfterSecondsIsHonoured()
    {
        var times = new List<DateTime>();
        await using var server = await TestServer.StartAsync(c =>
        {
            lock (times) times.Add(DateTime.UtcNow);
            if (times.Count == 1) { c.Response.StatusCode = 429; c.Response.Headers.RetryAfter = "1"; }
            return Task.CompletedTask;
        });
        var result = await CheckAsync(Fast(), server.Url("limited"), ByGet);
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"waited {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task RetryAfterHttpDateIsHonoured()
    {
        var times = new List<DateTime>();
        await using var server = await TestServer.StartAsync(c =>
        {
            lock (times) times.Add(DateTime.UtcNow);
            if (times.Count == 1) { c.Response.StatusCode = 503; c.Response.Headers.RetryAfter = DateTime.UtcNow.AddSeconds(2).ToString("R"); }
            return Task.CompletedTask;
        });
        var result = await CheckAsync(Fast(), server.Url("maint"), ByGet);
        Assert.Equal(LinkStatus.Ok, result.Status);
        // HTTP dates have one-second resolution, so the wait is between 1 and 2 seconds.
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(900), $"waited {(times[1] - times[0]).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task RetryAfterLongerThanCapIsReportedNotWaited()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 429; c.Response.Headers.RetryAfter = "7200"; return Task.CompletedTask; });
        var clock = Stopwatch.StartNew();
        var result = await CheckAsync(Fast(), server.Url("busy"), ByGet);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        Assert.Equal(LinkStatus.Unverifiable, result.Status);
        Assert.Equal(FailureKind.RateLimited, result.FailureKind);
        Assert.Contains("2 h", result.Reason);
    }

    [Fact]
    public async Task ParkedHostDoesNotStallOtherHosts()
    {
        int slowCalls = 0;
        await using var parked = await TestServer.StartAsync(c =>
        {
            if (Interlocked.Increment(ref slowCalls) == 1) { c.Response.StatusCode = 429; c.Response.Headers.RetryAfter = "3"; }
            return Task.CompletedTask;
        });
        await using var other = await TestServer.StartAsync(c => Task.CompletedTask);
        using var engine = new FetchEngine(Fast(o => o with { ThrottleLimit = 1 }));
        var checker = new LinkChecker(engine, ByGet);
        var parkedCheck = checker.CheckAsync(parked.Url("a"), CancellationToken.None);
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        var others = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => checker.CheckAsync(other.Url("o" + i), CancellationToken.None)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"other host waited {clock.Elapsed}");
        Assert.All(others, r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.False(parkedCheck.IsCompleted);
        Assert.Equal(LinkStatus.Ok, (await parkedCheck).Status);
    }

    [Fact]
    public async Task BotWallsAreUnverifiableNotBroken()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            if (c.Request.Path == "/linkedin") c.Response.StatusCode = 999;
            else { c.Response.StatusCode = 403; c.Response.Headers["cf-mitigated"] = "challenge"; }
            return Task.CompletedTask;
        });
        var linkedIn = await CheckAsync(Fast(), server.Url("linkedin"));
        var cloudflare = await CheckAsync(Fast(), server.Url("cf"));
        Assert.Equal(LinkStatus.Unverifiable, linkedIn.Status);
        Assert.Equal(FailureKind.BotProtection, linkedIn.FailureKind);
        Assert.Equal(LinkStatus.Unverifiable, cloudflare.Status);
        Assert.False(cloudflare.IsBroken);
    }

    [Fact]
    public async Task AcceptStatusCodeCountsAsOk()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 418; return Task.CompletedTask; });
        Assert.Equal(LinkStatus.Ok, (await CheckAsync(Fast(), server.Url("teapot"), new CheckPolicy { AcceptStatusCodes = new[] { 418 } })).Status);
    }

    [Fact]
    public async Task ConnectionRefusedIsBrokenWithConnectKind()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var result = await CheckAsync(Fast(), new Uri($"http://127.0.0.1:{port}/"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Connect, result.FailureKind);
        Assert.Contains("refused", result.Reason);
    }

    [Fact]
    public async Task HeadersAndCredentialsGoOnlyToTrustedOrigins()
    {
        await using var other = await TestServer.StartAsync(c => Task.CompletedTask);
        await using var site = await TestServer.StartAsync(c =>
        {
            if (c.Request.Path == "/away") c.Response.Redirect(other.Url("landing").AbsoluteUri);
            return Task.CompletedTask;
        });
        var options = Fast(o => o with { Headers = new Dictionary<string, string> { ["X-Api-Key"] = "secret", ["Authorization"] = "Bearer secret" } });
        using var engine = new FetchEngine(options);
        engine.TrustedOrigins.Add(site.BaseUri);
        var result = await new LinkChecker(engine, ByGet).CheckAsync(site.Url("away"), CancellationToken.None);
        Assert.Equal(LinkStatus.Redirected, result.Status);
        Assert.Equal("secret", site.HeadersSeen["/away"]["X-Api-Key"]);
        Assert.False(other.HeadersSeen["/landing"].ContainsKey("X-Api-Key"));
        Assert.False(other.HeadersSeen["/landing"].ContainsKey("Authorization"));
    }

    [Fact]
    public async Task UserAgentIsTruthful()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        await CheckAsync(Fast(), server.Url("ua"));
        Assert.StartsWith("LinkTools/", server.HeadersSeen["/ua"]["User-Agent"]);
    }

    [Fact]
    public async Task RequestsAskForHtmlFirst()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        await CheckAsync(Fast(), server.Url("accept"));
        Assert.Equal("text/html,application/xhtml+xml,*/*;q=0.8", server.HeadersSeen["/accept"]["Accept"]);
    }

    [Fact]
    public async Task BodyReadIsCapped()
    {
        await using var server = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "text/html";
            var chunk = new byte[64 * 1024];
            for (int i = 0; i < 64 && !c.RequestAborted.IsCancellationRequested; i++) await c.Response.Body.WriteAsync(chunk, c.RequestAborted);
        });
        using var engine = new FetchEngine(Fast(o => o with { MaxBodyBytes = 100_000 }));
        var outcome = await engine.FetchAsync(server.Url("big"), System.Net.Http.HttpMethod.Get, readBody: true, CancellationToken.None);
        Assert.Equal(100_000, outcome.Body!.Length);
        Assert.True(outcome.BodyTruncated);
    }

    [Fact]
    public async Task ChunkedBodyOfUnknownLengthIsReadWholeAndExact()
    {
        // No Content-Length: the engine grows its read buffer (16 KB at first) and keeps one exact-size copy.
        var sent = Enumerable.Range(0, 40_000).Select(i => (byte)('a' + i % 26)).ToArray();
        await using var server = await TestServer.StartAsync(async c =>
        {
            c.Response.ContentType = "text/html";
            for (int offset = 0; offset < sent.Length; offset += 7_000)
            {
                await c.Response.Body.WriteAsync(sent.AsMemory(offset, Math.Min(7_000, sent.Length - offset)), c.RequestAborted);
                await c.Response.Body.FlushAsync(c.RequestAborted);
            }
        });
        using var engine = new FetchEngine(Fast());
        var outcome = await engine.FetchAsync(server.Url("chunked"), System.Net.Http.HttpMethod.Get, readBody: true, CancellationToken.None);
        Assert.Equal(sent, outcome.Body);
        Assert.False(outcome.BodyTruncated);
    }

    [Fact]
    public async Task CancellationStopsWaitsPromptly()
    {
        await using var server = await TestServer.StartAsync(c => Task.Delay(TimeSpan.FromSeconds(30), c.RequestAborted));
        using var engine = new FetchEngine(Fast(o => o with { ThrottleLimit = 4, Timeout = TimeSpan.FromSeconds(30) }));
        var checker = new LinkChecker(engine);
        using var cts = new CancellationTokenSource();
        var checks = Enumerable.Range(0, 200).Select(i => checker.CheckAsync(server.Url("w" + i), cts.Token)).ToArray();
        await Task.Delay(300);
        var clock = Stopwatch.StartNew();
        cts.Cancel();
        foreach (var check in checks) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => check);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
    }
}
