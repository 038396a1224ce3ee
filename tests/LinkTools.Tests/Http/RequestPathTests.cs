using System.Collections.Concurrent;
using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Http;

/// <summary>The request path's rules: one HEAD-to-GET fallback for every failure, retries that belong to the verdict, and retries that know the host.</summary>
public class RequestPathTests
{
    private static async Task<LinkResult> CheckAsync(EngineOptions options, Uri uri)
    {
        using var engine = new FetchEngine(options);
        return await new LinkChecker(engine).CheckAsync(uri, CancellationToken.None);
    }

    [Fact]
    public async Task HeadTimeoutIsConfirmedByGet()
    {
        await using var server = await TestServer.StartAsync(c => c.Request.Method == "HEAD" ? Task.Delay(TimeSpan.FromSeconds(10), c.RequestAborted) : Task.CompletedTask);
        var result = await CheckAsync(new EngineOptions { Timeout = TimeSpan.FromMilliseconds(300), MaximumRetryCount = 0 }, server.Url("hangs-on-head"));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal("GET", result.Method);
        Assert.Equal(1, server.HitCount("GET", "/hangs-on-head"));
    }

    [Fact]
    public async Task HeadResetIsConfirmedByGet()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            if (c.Request.Method == "HEAD") c.Abort();
            return Task.CompletedTask;
        });
        var result = await CheckAsync(new EngineOptions { MaximumRetryCount = 0 }, server.Url("resets-head"));
        Assert.Equal(LinkStatus.Ok, result.Status);
        Assert.Equal("GET", result.Method);
        Assert.Equal(1, server.HitCount("GET", "/resets-head"));
    }

    [Fact]
    public async Task HeadRefusedConnectionIsConfirmedByGet()
    {
        var port = FreePort();
        var result = await CheckAsync(new EngineOptions { MaximumRetryCount = 0 }, new Uri($"http://127.0.0.1:{port}/refused"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(FailureKind.Connect, result.FailureKind);
        Assert.Equal("GET", result.Method);
        Assert.Equal(2, result.Attempts);
    }

    [Fact]
    public async Task ConfirmingGetDoesNotRepeatTheRetries()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 500; return Task.CompletedTask; });
        var result = await CheckAsync(new EngineOptions { RetryInterval = TimeSpan.FromMilliseconds(20), MaximumRetryCount = 2 }, server.Url("down"));
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(500, result.StatusCode);
        Assert.Equal(1, server.HitCount("GET", "/down"));
        Assert.Equal(3, server.HitCount("HEAD", "/down"));
        Assert.Equal(4, result.Attempts);
    }

    [Fact]
    public async Task PermanentServerErrorOnAHealthyHostIsReportedWithinASecondOnAFreshConnection()
    {
        var firstAnswer = new ConcurrentQueue<(DateTime At, string Connection, string Method)>();
        await using var server = await TestServer.StartAsync(c =>
        {
            if (c.Request.Path.StartsWithSegments("/broken"))
            {
                firstAnswer.Enqueue((DateTime.UtcNow, c.Connection.Id, c.Request.Method));
                c.Response.StatusCode = 500;
            }

            return Task.CompletedTask;
        });

        // The defaults: a retry interval of 1 s and 2 retries.
        using var engine = new FetchEngine(new EngineOptions());
        var checker = new LinkChecker(engine);
        var healthy = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => checker.CheckAsync(server.Url("ok/" + i), CancellationToken.None)));
        Assert.All(healthy, r => Assert.Equal(LinkStatus.Ok, r.Status));

        var result = await checker.CheckAsync(server.Url("broken"), CancellationToken.None);
        var reported = DateTime.UtcNow;
        Assert.Equal(LinkStatus.Broken, result.Status);
        Assert.Equal(500, result.StatusCode);
        var seen = firstAnswer.ToArray();
        Assert.True(reported - seen[0].At < TimeSpan.FromSeconds(1), $"reported {(reported - seen[0].At).TotalMilliseconds:0} ms after the first 500");

        // The confirming GET is due anyway, so it is the prompt retry: on a new connection, after the jittered wait; nothing more.
        Assert.Equal(new[] { "HEAD", "GET" }, seen.Select(s => s.Method).ToArray());
        Assert.Equal(2, result.Attempts);
        Assert.NotEqual(seen[0].Connection, seen[1].Connection);
        var wait = seen[1].At - seen[0].At;
        Assert.True(wait >= TimeSpan.FromMilliseconds(100) && wait < TimeSpan.FromMilliseconds(700), $"the retry waited {wait.TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task ATwoSecondHostOutageReportsNothingBrokenAndParksTheHost()
    {
        var clock = new Stopwatch();
        int duringOutage = 0;
        await using var server = await TestServer.StartAsync(c =>
        {
            lock (clock) if (!clock.IsRunning) clock.Start();
            if (clock.Elapsed < TimeSpan.FromSeconds(2))
            {
                Interlocked.Increment(ref duringOutage);
                c.Response.StatusCode = 502;
            }

            return Task.CompletedTask;
        });

        var options = new EngineOptions { ThrottleLimit = 50, MaxConcurrencyPerHost = 10 };
        using var engine = new FetchEngine(options);
        var checker = new LinkChecker(engine, new CheckPolicy { Method = CheckMethod.Get });
        var run = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => checker.CheckAsync(server.Url("page/" + i), CancellationToken.None)));
        run.Stop();

        Assert.All(results, r => Assert.True(r.Status == LinkStatus.Ok, r.Url + ": " + r.Reason));
        // Parked, the host gets its first wave and a few probes during the outage, not every URL's retries.
        Assert.True(duringOutage <= 20, $"{duringOutage} requests reached the host during its outage");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(5), $"took {run.Elapsed}");
    }

    [Fact]
    public async Task AHostWithManyPermanentServerErrorsIsNotParkedAsDown()
    {
        // A 500 is the application's answer for that URL: a site whose remaining links are mostly broken is not down,
        // so its checks are not drained one probe at a time.
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = 500; return Task.CompletedTask; });
        using var engine = new FetchEngine(new EngineOptions());
        var checker = new LinkChecker(engine);
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, 30).Select(i => checker.CheckAsync(server.Url("error/" + i), CancellationToken.None)));
        Assert.All(results, r => Assert.Equal(500, r.StatusCode));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed}");
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
