using System.Collections.Concurrent;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Monitoring;

/// <summary>
/// A loopback Kestrel server whose health per path the test sets and flips: either one behaviour for every request,
/// or a script where the n-th request to the path gets the n-th behaviour (the last one repeats). The GET that
/// confirms a failed HEAD gets the HEAD's behaviour: a site's health flips between checks, not within one.
/// </summary>
public sealed class FlipServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>[]> _scripts = new();
    private readonly ConcurrentDictionary<string, int> _served = new();
    private readonly ConcurrentDictionary<string, int> _headStep = new();
    private TestServer _server = null!;

    public static async Task<FlipServer> StartAsync()
    {
        var flip = new FlipServer();
        flip._server = await TestServer.StartAsync(flip.Handle);
        return flip;
    }

    public TestServer Server => _server;

    public Uri Url(string path) => _server.Url(path);

    /// <summary>Every request to <paramref name="path"/> from now on gets <paramref name="behaviour"/>.</summary>
    public void Set(string path, Func<HttpContext, Task> behaviour) => Script(path, behaviour);

    public void Script(string path, params Func<HttpContext, Task>[] behaviours)
    {
        _served["/" + path.TrimStart('/')] = 0;
        _headStep.TryRemove("/" + path.TrimStart('/'), out _);
        _scripts["/" + path.TrimStart('/')] = behaviours;
    }

    private Task Handle(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        if (!_scripts.TryGetValue(path, out var script)) return Respond.Ok()(context);
        int n;
        if (HttpMethods.IsGet(context.Request.Method) && _headStep.TryRemove(path, out var head))
        {
            n = head;
        }
        else
        {
            n = _served.AddOrUpdate(path, 1, (_, v) => v + 1) - 1;
            if (HttpMethods.IsHead(context.Request.Method)) _headStep[path] = n;
            else _headStep.TryRemove(path, out _);
        }

        return script[Math.Min(n, script.Length - 1)](context);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

/// <summary>The behaviours a flipped site can have.</summary>
public static class Respond
{
    public static Func<HttpContext, Task> Ok(string body = "<html><body>All systems operational</body></html>") => async c =>
    {
        c.Response.ContentType = "text/html; charset=utf-8";
        if (!HttpMethods.IsHead(c.Request.Method)) await c.Response.WriteAsync(body);
    };

    public static Func<HttpContext, Task> Status(int code) => c =>
    {
        c.Response.StatusCode = code;
        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> RefuseHead() => c =>
    {
        if (HttpMethods.IsHead(c.Request.Method))
        {
            c.Response.StatusCode = 405;
            return Task.CompletedTask;
        }

        return Ok()(c);
    };

    public static Func<HttpContext, Task> Hang() => c => Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted);

    public static Func<HttpContext, Task> Slow(int ms, Func<HttpContext, Task>? then = null) => async c =>
    {
        await Task.Delay(ms, c.RequestAborted);
        await (then ?? Ok())(c);
    };
}
