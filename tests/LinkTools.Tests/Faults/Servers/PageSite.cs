using System.Text;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Faults.Servers;

/// <summary>
/// A Kestrel site of fixed responses keyed by path: the pages a case serves, exactly as bytes and content type.
/// Any other path answers 200 text/plain, so every link that is fetched is Ok unless the case says otherwise.
/// </summary>
public sealed class PageSite
{
    private readonly Dictionary<string, (string? ContentType, byte[] Body)> _pages = new(StringComparer.Ordinal);

    public PageSite Add(string path, string? contentType, byte[] body)
    {
        _pages[path] = (contentType, body);
        return this;
    }

    public PageSite Add(string path, string? contentType, string body) => Add(path, contentType, Encoding.UTF8.GetBytes(body));

    public Task<TestServer> StartAsync() => TestServer.StartAsync(async c =>
    {
        if (_pages.TryGetValue(c.Request.Path.Value ?? "/", out var page))
        {
            c.Response.ContentType = page.ContentType;
            c.Response.ContentLength = page.Body.Length;
            if (!HttpMethods.IsHead(c.Request.Method)) await c.Response.Body.WriteAsync(page.Body, c.RequestAborted);
            return;
        }

        c.Response.ContentType = "text/plain";
        c.Response.ContentLength = 2;
        if (!HttpMethods.IsHead(c.Request.Method)) await c.Response.Body.WriteAsync("ok"u8.ToArray(), c.RequestAborted);
    });
}
