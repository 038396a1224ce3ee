using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkTools.Tests.Faults.Servers;

/// <summary>Kestrel serving HTTPS on 127.0.0.1:0 with a certificate the test made; every request gets 200 unless a handler answers.</summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _requests;

    private TlsTestServer(WebApplication app) => _app = app;

    public Uri BaseUri { get; private set; } = null!;

    /// <summary>Requests that got through the handshake.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public Uri Url(string path) => new(BaseUri, path);

    public static async Task<TlsTestServer> StartAsync(X509Certificate2 certificate, RequestDelegate? handler = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var server = new TlsTestServer(app);
        app.Run(context =>
        {
            Interlocked.Increment(ref server._requests);
            return handler?.Invoke(context) ?? Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
