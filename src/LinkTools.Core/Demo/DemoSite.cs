using System;
using System.Collections.Generic;
using System.Text;

namespace LinkTools.Core.Demo
{
    /// <summary>
    /// A small site with known broken links, served on loopback by the tool itself so LinkTools can be tried
    /// (and proven) with no network: two origins, several levels, and a broken link of each kind: deleted pages,
    /// a failing server, a redirect loop, a missing fragment, a missing image (src and srcset), stylesheet and poster,
    /// a dead link under a &lt;base href&gt;, a retired page on the partner site; plus robots.txt and a sitemap with an
    /// orphan page. The known broken links are listed in DemoSiteCrawlTests.
    /// </summary>
    public sealed class DemoSite : IDisposable
    {
        private readonly LoopbackHttpServer _site;
        private readonly LoopbackHttpServer _partner;

        private DemoSite()
        {
            _partner = new LoopbackHttpServer(RoutePartner);
            _site = new LoopbackHttpServer(RouteSite);
        }

        /// <summary>The demo site's home page.</summary>
        public Uri BaseUri => _site.BaseUri;

        /// <summary>Requests for the site's pages answered 304 (an If-None-Match naming the page's ETag).</summary>
        public int NotModified => _site.NotModified;

        /// <summary>A second origin standing in for external sites the demo links to.</summary>
        public Uri PartnerUri => _partner.BaseUri;

        public static DemoSite Start() => new DemoSite();

        /// <summary>URLs worth checking one by one (for Test-Link): working, moved and broken in every way the demo knows.</summary>
        public IEnumerable<string> CheckList()
        {
            foreach (var path in new[] { "", "about.html", "docs/guide.html", "moved", "missing-page", "contact", "loop-a", "head-refused", "blog/" })
            {
                yield return new Uri(BaseUri, path).AbsoluteUri;
            }

            yield return new Uri(PartnerUri, "ok").AbsoluteUri;
            yield return new Uri(PartnerUri, "gone").AbsoluteUri;
        }

        private DemoResponse RouteSite(string method, string target)
        {
            string path = target.Split('?')[0];
            string partner = PartnerUri.AbsoluteUri.TrimEnd('/');
            switch (path)
            {
                case "/":
                case "/index.html":
                    return Page("Home",
                        "<link rel=\"stylesheet\" href=\"/styles.css\">\n<link rel=\"stylesheet\" href=\"/print.css\" media=\"print\">\n<script src=\"/app.js\"></script>",
                        "<img src=\"/images/logo.png\" srcset=\"/images/logo.png 1x, /images/logo@2x.png 2x, /images/logo@3x.png 3x\" alt=\"logo\">\n" +
                        "<ul>\n<li><a href=\"about.html\">About us</a></li>\n<li><a href=\"docs/\">Documentation</a></li>\n" +
                        "<li><a href=\"blog/\">Blog</a></li>\n<li><a href=\"moved\">Old about page</a></li>\n" +
                        "<li><a href=\"missing-page\">A page that was deleted</a></li>\n" +
                        "<li><a href=\"private/admin\">Admin (robots.txt keeps crawlers out)</a></li>\n" +
                        "<li><a href=\"mailto:webmaster@example.com\">Mail us</a></li>\n</ul>");
                case "/about.html":
                    return Page("About",
                        "",
                        "<h2 id=\"team\">Team</h2><p><a href=\"contact\">Contact form</a> (the server fails)</p>" +
                        "<p><a href=\"docs/guide.html#install\">Install guide</a> and <a href=\"docs/guide.html#uninstall\">uninstall notes</a> (no such section)</p>" +
                        "<p><a href=\"loop-a\">A redirect loop</a>, <a href=\"head-refused\">a page that refuses HEAD</a></p>" +
                        "<p><a href=\"" + partner + "/ok\">Our partner</a> and <a href=\"" + partner + "/gone\">a retired partner page</a></p>");
                case "/docs/":
                    return Page("Docs", "", "<a href=\"guide.html\">Guide</a> <a href=\"api/\">API reference</a> <a href=\"../\">Home</a>");
                case "/docs/guide.html":
                    return Page("Guide", "", "<h2 id=\"install\">Install</h2><p>Run it.</p><img src=\"../images/diagram.png\" alt=\"diagram\">" +
                        "<a href=\"#install\">Back to top</a> <a href=\"/docs/\">Docs</a>");
                case "/docs/api/":
                    return Page("API", "<base href=\"/docs/api/v1/\">",
                        "<a href=\"../../guide.html\">Guide</a>\n<a href=\"" + partner + "/slow\">Status page</a>\n" +
                        "<a href=\"endpoints.html\">Endpoints</a>\n<a href=\"deprecated.html\">Deprecated endpoints</a>");
                case "/docs/api/v1/endpoints.html":
                    return Page("Endpoints", "", "<h2 id=\"get\">GET</h2>\n<a href=\"#get\">GET</a>\n<a href=\"/docs/api/\">API</a>");
                case "/docs/legacy.html":
                    return Page("Legacy", "", "<p>Listed in the sitemap; no page links here.</p>\n<a href=\"/\">Home</a>");
                case "/blog/":
                    return Page("Blog", "", "<a href=\"2024/hello.html\">Hello</a>\n<a href=\"2024/old-post.html\">An old post</a>\n" +
                        "<a href=\"//" + PartnerUri.Authority + "/ok\">Our partner (protocol-relative)</a>");
                case "/blog/2024/hello.html":
                    return Page("Hello", "", "<p>Hello. Read <a href=\"../../about.html#team\">about the team</a>.</p>\n" +
                        "<video src=\"/media/intro.mp4\" poster=\"/media/intro-poster.jpg\"></video>");
                case "/media/intro.mp4":
                    return new DemoResponse { ContentType = "video/mp4", Body = new byte[] { 0, 0, 0, 24 } };
                case "/styles.css":
                    return new DemoResponse { ContentType = "text/css", Body = Encoding.UTF8.GetBytes("body{font-family:sans-serif}") };
                case "/app.js":
                    return new DemoResponse { ContentType = "application/javascript", Body = Encoding.UTF8.GetBytes("console.log('demo');") };
                case "/images/logo.png":
                case "/images/logo@2x.png":
                    return new DemoResponse { ContentType = "image/png", Body = new byte[] { 0x89, 0x50, 0x4E, 0x47 } };
                case "/moved":
                    return Redirect(301, "/about.html");
                case "/loop-a":
                    return Redirect(302, "/loop-b");
                case "/loop-b":
                    return Redirect(302, "/loop-a");
                case "/contact":
                    return new DemoResponse { Status = 500, Reason = "Internal Server Error", Body = Encoding.UTF8.GetBytes("oops") };
                case "/head-refused":
                    return method == "HEAD"
                        ? new DemoResponse { Status = 405, Reason = "Method Not Allowed" }
                        : Page("Refuses HEAD", "", "<p>This page answers GET only.</p>");
                case "/robots.txt":
                    return new DemoResponse { ContentType = "text/plain", Body = Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /private/\nSitemap: /sitemap.xml\n") };
                case "/sitemap.xml":
                    return new DemoResponse { ContentType = "application/xml", Body = Encoding.UTF8.GetBytes(Sitemap()) };
                case "/private/admin":
                    return Page("Admin", "", "<p>Crawlers are asked to stay out.</p>");
                default:
                    return NotFound();
            }
        }

        private string Sitemap()
        {
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
            foreach (var path in new[] { "", "about.html", "docs/", "docs/guide.html", "blog/", "docs/legacy.html" })
            {
                xml.Append("<url><loc>").Append(new Uri(BaseUri, path).AbsoluteUri).Append("</loc></url>\n");
            }

            return xml.Append("</urlset>\n").ToString();
        }

        private static DemoResponse RoutePartner(string method, string target)
        {
            switch (target.Split('?')[0])
            {
                case "/ok":
                    return Page("Partner", "", "<p>Partner site.</p>");
                case "/gone":
                    return new DemoResponse { Status = 410, Reason = "Gone" };
                case "/slow":
                    var slow = Page("Status", "", "<p>All systems go.</p>");
                    slow.Delay = TimeSpan.FromMilliseconds(300);
                    return slow;
                default:
                    return NotFound();
            }
        }

        /// <summary>A page with an ETag of its content, so a crawl with a cache can revalidate it (the server answers 304).</summary>
        private static DemoResponse Page(string title, string head, string body)
        {
            var page = DemoResponse.Html("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>" + title + "</title>\n" + head +
                                         "\n</head>\n<body>\n<h1>" + title + "</h1>\n" + body + "\n</body>\n</html>\n");
            using var sha = System.Security.Cryptography.SHA256.Create();
            page.Headers["ETag"] = "\"" + BitConverter.ToString(sha.ComputeHash(page.Body), 0, 8).Replace("-", "").ToLowerInvariant() + "\"";
            return page;
        }

        private static DemoResponse Redirect(int status, string location)
        {
            var response = new DemoResponse { Status = status, Reason = status == 301 ? "Moved Permanently" : "Found" };
            response.Headers["Location"] = location;
            return response;
        }

        private static DemoResponse NotFound() =>
            new DemoResponse { Status = 404, Reason = "Not Found", Body = Encoding.UTF8.GetBytes("<h1>Not found</h1>") };

        public void Dispose()
        {
            _site.Dispose();
            _partner.Dispose();
        }
    }
}
