using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkTools.Tests.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1:0 that counts requests, per-path hits and the most requests in flight at once.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;
    private int _maxInFlight;
    private int _requests;

    private TestServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests seen per "METHOD /path?query".</summary>
    public ConcurrentDictionary<string, int> Hits { get; } = new();

    /// <summary>Request headers seen per path (the last request's).</summary>
    public ConcurrentDictionary<string, Dictionary<string, string>> HeadersSeen { get; } = new();

    public Uri Url(string pathAndQuery) => new(BaseUri, pathAndQuery);

    public int HitCount(string method, string pathAndQuery) => Hits.TryGetValue(method + " " + pathAndQuery, out var n) ? n : 0;

    public static async Task<TestServer> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestLineSize = 64 * 1024);
        var app = builder.Build();
        TestServer? server = null;
        app.Run(async context =>
        {
            var self = server!;
            Interlocked.Increment(ref self._requests);
            self.Hits.AddOrUpdate(context.Request.Method + " " + context.Request.Path + context.Request.QueryString, 1, (_, n) => n + 1);
            self.HeadersSeen[context.Request.Path.Value ?? "/"] = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            int now = Interlocked.Increment(ref self._inFlight);
            int max;
            while (now > (max = Volatile.Read(ref self._maxInFlight)) && Interlocked.CompareExchange(ref self._maxInFlight, now, max) != max)
            {
            }

            try
            {
                await handler(context);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                Interlocked.Decrement(ref self._inFlight);
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new TestServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
