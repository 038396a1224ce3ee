using System.IO.Compression;
using System.Text;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>
/// A generated site on two loopback Kestrel servers whose broken links are known: broken internal links, 404/500 on a
/// second origin, redirect chains and loops, missing fragments, images/scripts/stylesheets/srcset, base href,
/// protocol-relative links, a mislabelled page, a calendar link trap, robots.txt and a gzipped sitemap index.
/// </summary>
public sealed class GeneratedSite : IAsyncDisposable
{
    private GeneratedSite(TestServer site, TestServer external)
    {
        Site = site;
        External = external;
    }

    public TestServer Site { get; }

    public TestServer External { get; }

    /// <summary>Pages of the calendar trap answer with a delay when set (for cancellation tests).</summary>
    public TimeSpan PageDelay { get; set; }

    /// <summary>The broken (source path, link URL) pairs a crawl of "/" with depth 5 must report, and no others.</summary>
    public HashSet<(string Source, string Url)> KnownBroken() => new()
    {
        ("/", Site.Url("missing").AbsoluteUri),
        ("/about", Site.Url("missing").AbsoluteUri),
        ("/", Site.Url("img/missing-3x.png").AbsoluteUri),
        ("/", Site.Url("css/missing.css").AbsoluteUri),
        ("/", Site.Url("loop").AbsoluteUri),
        ("/", External.Url("404").AbsoluteUri),
        ("/", External.Url("500").AbsoluteUri),
        ("/", Site.Url("about#nope").AbsoluteUri),
        ("/docs/", Site.Url("docs/v2/gone.html").AbsoluteUri),
        ("/docs/v2/intro.html", Site.Url("media/poster-missing.jpg").AbsoluteUri),
        ("/mislabelled", Site.Url("sniffed-missing").AbsoluteUri),
    };

    public static async Task<GeneratedSite> StartAsync()
    {
        GeneratedSite? self = null;
        var external = await TestServer.StartAsync(context => self!.ServeExternal(context));
        var site = await TestServer.StartAsync(context => self!.ServeSite(context));
        self = new GeneratedSite(site, external);
        return self;
    }

    private async Task ServeSite(HttpContext context)
    {
        string path = context.Request.Path.Value ?? "/";
        string ext = External.BaseUri.AbsoluteUri.TrimEnd('/');
        string authority = Site.BaseUri.Authority;
        switch (path)
        {
            case "/":
                await Html(context,
                    "<!DOCTYPE html>\n<html><head><title>Home</title>\n" +
                    "<link rel=\"stylesheet\" href=\"/css/site.css\">\n" +
                    "<link rel=\"stylesheet\" href=\"/css/missing.css\">\n" +
                    "<link rel=\"preconnect\" href=\"https://fonts.invalid\">\n" +
                    "<script src=\"/js/app.js\"></script>\n" +
                    "</head><body>\n" +
                    "<img src=\"/img/logo.png\" srcset=\"/img/logo-2x.png 2x, /img/missing-3x.png 3x\" alt=\"Logo\">\n" +
                    "<a href=\"about\">About</a>\n" +
                    "<a href=\"/docs/\">Docs</a>\n" +
                    "<a href=\"//" + authority + "/docs/\">Docs again, protocol-relative</a>\n" +
                    "<a href=\"missing\">Deleted page</a>\n" +
                    "<a href=\"/old\">Old home</a>\n" +
                    "<a href=\"/loop\">Loop</a>\n" +
                    "<a href=\"mailto:someone@example.invalid\">Mail</a>\n" +
                    "<a href=\"javascript:void(0)\">Script</a>\n" +
                    "<a href=\"" + ext + "/ok\">Partner</a>\n" +
                    "<a href=\"" + ext + "/404\">Gone partner</a>\n" +
                    "<a href=\"" + ext + "/500\">Failing partner</a>\n" +
                    "<a href=\"about#team\">Team</a>\n" +
                    "<a href=\"about#nope\">No such section</a>\n" +
                    "<a href=\"/calendar?day=1\">Calendar</a>\n" +
                    "<a href=\"/private/secret\">Private</a>\n" +
                    "<a href=\"/mislabelled\">Mislabelled</a>\n" +
                    "<a href=\"/image-as-html\">Image</a>\n" +
                    "<a href=\"/%7Eabout\">Tilde escaped</a> <a href=\"/~about\">Tilde</a>\n" +
                    "</body></html>");
                return;
            case "/about":
                await Html(context, "<html><body><h2 id=\"team\">Team</h2><a name=\"legacy\"></a>\n<a href=\"/\">Home</a>\n<a href=\"missing\">Deleted again</a>\n<a href=\"" + ext + "/ok\">Partner again</a>\n</body></html>");
                return;
            case "/~about":
                await Html(context, "<html><body><p>Tilde page</p></body></html>");
                return;
            case "/docs/":
                await Html(context, "<html><head><base href=\"/docs/v2/\"></head><body>\n<a href=\"intro.html\">Intro</a>\n<a href=\"gone.html\">Gone</a>\n<img src=\"diagram.png\" alt=\"Diagram\">\n</body></html>");
                return;
            case "/docs/v2/intro.html":
                await Html(context, "<html><body><h1 id=\"section\">Intro</h1>\n<a href=\"../../\">Home</a>\n<iframe src=\"/embed\"></iframe>\n" +
                                    "<a href=\"#section\">This section</a> <a href=\"#top\">Top</a> <a href=\"/about#legacy\">Legacy anchor</a>\n" +
                                    "<video poster=\"/media/poster-missing.jpg\"><source src=\"/media/clip.mp4\"></video>\n" +
                                    "<meta http-equiv=\"refresh\" content=\"30; url=/about\">\n</body></html>");
                return;
            case "/embed":
                await Html(context, "<html><body>Embedded</body></html>");
                return;
            case "/old":
                context.Response.Redirect("/older", permanent: true);
                return;
            case "/older":
                context.Response.Redirect("/new-home");
                return;
            case "/new-home":
                await Html(context, "<html><body><a href=\"/about\">About</a></body></html>");
                return;
            case "/loop":
                context.Response.Redirect("/loop2");
                return;
            case "/loop2":
                context.Response.Redirect("/loop");
                return;
            case "/calendar":
                if (PageDelay > TimeSpan.Zero) await Task.Delay(PageDelay, context.RequestAborted);
                int day = int.TryParse(context.Request.Query["day"], out var d) ? d : 1;
                await Html(context, $"<html><body><a href=\"/calendar?day={day + 1}\">Next day</a></body></html>");
                return;
            case "/mislabelled":
                // No Content-Type: sniffed, as browsers do, and plainly HTML.
                await context.Response.WriteAsync("<!DOCTYPE html><html><body><a href=\"/sniffed-missing\">x</a></body></html>");
                return;
            case "/image-as-html":
                context.Response.ContentType = "image/png";
                await context.Response.WriteAsync("<html><body><a href=\"/never-requested\">x</a></body></html>");
                return;
            case "/robots.txt":
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("User-agent: *\nDisallow: /private/\n\nSitemap: /sitemap-index.xml.gz\n");
                return;
            case "/sitemap-index.xml.gz":
                context.Response.ContentType = "application/gzip";
                await context.Response.Body.WriteAsync(Gzip(
                    "<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
                    "<sitemap><loc>" + Site.Url("sitemap.xml") + "</loc></sitemap></sitemapindex>"));
                return;
            case "/sitemap.xml":
                context.Response.ContentType = "application/xml";
                await context.Response.WriteAsync(
                    "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">" +
                    "<url><loc>" + Site.Url("") + "</loc></url><url><loc>" + Site.Url("about") + "</loc></url>" +
                    "<url><loc>" + Site.Url("orphan") + "</loc></url></urlset>");
                return;
            case "/orphan":
                await Html(context, "<html><body><a href=\"/\">Home</a></body></html>");
                return;
            case "/css/site.css":
            case "/js/app.js":
            case "/img/logo.png":
            case "/img/logo-2x.png":
            case "/docs/v2/diagram.png":
            case "/media/clip.mp4":
            case "/private/secret":
                context.Response.ContentType = "application/octet-stream";
                await context.Response.Body.WriteAsync(new byte[] { 1, 2, 3 });
                return;
            default:
                context.Response.StatusCode = 404;
                return;
        }
    }

    private Task ServeExternal(HttpContext context)
    {
        switch (context.Request.Path.Value)
        {
            case "/ok":
                return Html(context, "<html><body>partner</body></html>");
            case "/500":
                context.Response.StatusCode = 500;
                return Task.CompletedTask;
            default:
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
        }
    }

    private static Task Html(HttpContext context, string html)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(html);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest)) gzip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    public async ValueTask DisposeAsync()
    {
        await Site.DisposeAsync();
        await External.DisposeAsync();
    }
}
