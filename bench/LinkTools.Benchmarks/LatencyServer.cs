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
    // How long requests were actually held, so a run can tell the server's timer overshoot from the checker's own delay.
    private static long _heldTicks;
    private static long _heldCount;
    private static long _notModified;

    public static async Task<int> ServeAsync(int latencyMs, int sitePages = 0)
    {
        var site = sitePages > 0 ? new SiteGenerator(sitePages) : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0", "http://127.0.0.1:0", "http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxConcurrentConnections = null);
        var app = builder.Build();
        SiteHosts hosts = new("", "", "");
        int slowPort = -1;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            if (path.StartsWith("/hang/"))
            {
                // Never answers: the client's deadline has to end it.
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
                return;
            }

            if (path == "/__held")
            {
                // "count total-ms" since the last call, then reset.
                long count = Interlocked.Exchange(ref _heldCount, 0), ticks = Interlocked.Exchange(ref _heldTicks, 0);
                await context.Response.WriteAsync(FormattableString.Invariant($"{count} {ticks * 1000.0 / System.Diagnostics.Stopwatch.Frequency}"));
                return;
            }

            if (path == "/__304")
            {
                // Page requests answered 304 since the last call, then reset.
                await context.Response.WriteAsync(Interlocked.Exchange(ref _notModified, 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
                return;
            }

            if (context.Connection.LocalPort == slowPort)
            {
                // The slow host: every answer takes half a second.
                await Task.Delay(SlowHostMs, context.RequestAborted);
                return;
            }

            long arrived = System.Diagnostics.Stopwatch.GetTimestamp();
            if (latencyMs > 0) await Task.Delay(latencyMs, context.RequestAborted);
            Interlocked.Add(ref _heldTicks, System.Diagnostics.Stopwatch.GetTimestamp() - arrived);
            Interlocked.Increment(ref _heldCount);
            if (site == null)
            {
                context.Response.ContentType = "text/html";
                if (path.StartsWith("/broken")) context.Response.StatusCode = 404;
                return;
            }

            await ServeSiteAsync(context, site, path, hosts);
        });
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        var address = addresses[0];
        // The second port is a second origin, so links to it are external to the crawled site; the third is the slow
        // host; a port just closed stands for a host that refuses connections.
        slowPort = new Uri(addresses[2]).Port;
        hosts = new SiteHosts(addresses[1].TrimEnd('/') + "/", addresses[2].TrimEnd('/') + "/", $"http://127.0.0.1:{ClosedPort()}/");

        // Every page is built before the address is announced, so no page is built while a checker is timed.
        for (int i = 0; i < (site?.Pages ?? 0); i++) site!.PageBytes(i, hosts);
        Console.WriteLine(address);
        Console.Out.Flush();

        // Ends when the parent closes stdin, so a crashed benchmark never leaves a server behind.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }

    /// <summary>How long the slow host takes to answer.</summary>
    public const int SlowHostMs = 500;

    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static Task ServeSiteAsync(HttpContext context, SiteGenerator site, string path, SiteHosts hosts)
    {
        var response = context.Response;
        if (path.StartsWith("/p/") && path.EndsWith(".html") && int.TryParse(path.AsSpan(3, path.Length - 8), out int page) && page >= 0 && page < site.Pages)
        {
            // Pages are served from memory with a Content-Length, like a static site: the server shares the two
            // cores with the checker, so its CPU per request is kept small.
            // A static site's pages have validators: a crawl with a cache asks with If-None-Match, answered 304 (no body).
            string tag = "\"p" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
            response.Headers.ETag = tag;
            if (context.Request.Headers.IfNoneMatch.ToString() == tag)
            {
                Interlocked.Increment(ref _notModified);
                response.StatusCode = 304;
                return Task.CompletedTask;
            }

            var body = site.PageBytes(page, hosts);
            response.ContentType = "text/html; charset=utf-8";
            response.ContentLength = body.Length;
            return context.Request.Method == "HEAD" ? Task.CompletedTask : response.Body.WriteAsync(body, 0, body.Length);
        }

        if (path.StartsWith("/r/"))
        {
            response.Redirect(SiteGenerator.PagePath(int.Parse(path.AsSpan(3))));
            return Task.CompletedTask;
        }

        if (path.StartsWith("/missing/") || path.StartsWith("/gone/"))
        {
            response.StatusCode = 404;
            return Task.CompletedTask;
        }

        if (path.StartsWith("/error/"))
        {
            // A permanent server error: a property of the URL, while the host answers everything else.
            response.StatusCode = 500;
            return Task.CompletedTask;
        }

        response.ContentType = path.EndsWith(".css") ? "text/css" : path.EndsWith(".js") ? "application/javascript" : path.EndsWith(".png") ? "image/png" : "text/plain";
        return Task.CompletedTask;
    }
}
