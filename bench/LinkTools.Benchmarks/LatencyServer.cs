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

    // Every request's arrival and answer while a trace is recorded (null otherwise): the checker's timeline seen from
    // the server, which a CLI run cannot report from inside. Stopwatch timestamps are the machine's monotonic clock,
    // the same in the benchmark process.
    private static System.Collections.Concurrent.ConcurrentQueue<string>? _trace;

    /// <param name="tls">Also listen on two https ports (a self-signed certificate made here), announced after the three http ones.</param>
    public static async Task<int> ServeAsync(int latencyMs, int sitePages = 0, bool tls = false)
    {
        var site = sitePages > 0 ? new SiteGenerator(sitePages) : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        using var certificate = tls ? SelfSignedCertificate() : null;
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxConcurrentConnections = null;
            for (int i = 0; i < 3; i++) o.Listen(System.Net.IPAddress.Loopback, 0);
            for (int i = 0; certificate != null && i < 2; i++) o.Listen(System.Net.IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        SiteHosts hosts = new("", "", "");
        int slowPort = -1, externalPort = -1;
        app.Run(async context =>
        {
            var path = context.Request.Path.Value ?? "/";
            var trace = Volatile.Read(ref _trace);
            if (trace == null || path.StartsWith("/__"))
            {
                await HandleAsync(context, path);
                return;
            }

            long arrived = System.Diagnostics.Stopwatch.GetTimestamp();
            await HandleAsync(context, path);
            string host = context.Connection.LocalPort == slowPort ? "slow" : context.Connection.LocalPort == externalPort ? "external" : "site";
            trace.Enqueue(FormattableString.Invariant($"{arrived} {System.Diagnostics.Stopwatch.GetTimestamp()} {host} {context.Request.Method} {path}"));
        });

        async Task HandleAsync(HttpContext context, string path)
        {
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

            if (path == "/__trace/start")
            {
                Volatile.Write(ref _trace, new System.Collections.Concurrent.ConcurrentQueue<string>());
                return;
            }

            if (path == "/__trace/take")
            {
                // "arrived-timestamp answered-timestamp host method path" a line, then recording stops.
                var taken = Interlocked.Exchange(ref _trace, null);
                await context.Response.WriteAsync(taken == null ? "" : string.Join("\n", taken));
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
        }

        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.ToArray();
        // The second port is a second origin, so links to it are external to the crawled site; the third is the slow
        // host; a port just closed stands for a host that refuses connections.
        slowPort = new Uri(addresses[2]).Port;
        externalPort = new Uri(addresses[1]).Port;
        hosts = new SiteHosts(addresses[1].TrimEnd('/') + "/", addresses[2].TrimEnd('/') + "/", $"http://127.0.0.1:{ClosedPort()}/");

        // Every page is built before the address is announced, so no page is built while a checker is timed.
        for (int i = 0; i < (site?.Pages ?? 0); i++) site!.PageBytes(i, hosts);
        // The site first; the benchmark reads the others from the same line.
        Console.WriteLine(string.Join(' ', addresses));
        Console.Out.Flush();

        // Ends when the parent closes stdin, so a crashed benchmark never leaves a server behind.
        await Task.Run(() => Console.In.ReadToEnd());
        await app.StopAsync();
        return 0;
    }

    /// <summary>How long the slow host takes to answer.</summary>
    public const int SlowHostMs = 500;

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSignedCertificate()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", key, System.Security.Cryptography.HashAlgorithmName.SHA256);
        var names = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    }

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
