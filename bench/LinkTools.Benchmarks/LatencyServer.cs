using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LinkTools.Benchmarks;

/// <summary>
/// The benchmark's loopback server: answers every request after a fixed latency. Runs in its own process
/// (`serve`), so the checker's CPU and memory figures are the checker's alone.
/// </summary>
internal static class LatencyServer
{
    public static async Task<int> ServeAsync(int latencyMs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        app.Run(async context =>
        {
            if (latencyMs > 0) await Task.Delay(latencyMs, context.RequestAborted);
            context.Response.ContentType = "text/html";
            if (context.Request.Path.StartsWithSegments("/broken")) context.Response.StatusCode = 404;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Console.WriteLine(address);
        Console.Out.Flush();

        // Ends when the parent closes stdin, so a crashed benchmark never leaves a server behind.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }
}
