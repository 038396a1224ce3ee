using System;
using System.Collections.Generic;
using System.Text;

namespace LinkTools.Core.Demo
{
    /// <summary>
    /// A small site with known broken links, served on loopback by the tool itself so LinkTools can be tried
    /// (and proven) with no network: two origins, several levels, and a broken link of each kind.
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
                        "<link rel=\"stylesheet\" href=\"/styles.css\"><script src=\"/app.js\"></script>",
                        "<img src=\"/images/logo.png\" srcset=\"/images/logo.png 1x, /images/logo@2x.png 2x\" alt=\"logo\">" +
                        "<ul><li><a href=\"about.html\">About us</a></li><li><a href=\"docs/\">Documentation</a></li>" +
                        "<li><a href=\"blog/\">Blog</a></li><li><a href=\"moved\">Old about page</a></li>" +
                        "<li><a href=\"missing-page\">A page that was deleted</a></li>" +
                        "<li><a href=\"mailto:webmaster@example.com\">Mail us</a></li></ul>");
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
                    return Page("API", "", "<a href=\"../guide.html\">Guide</a> <a href=\"" + partner + "/slow\">Status page</a>");
                case "/blog/":
                    return Page("Blog", "", "<a href=\"2024/hello.html\">Hello</a> <a href=\"2024/old-post.html\">An old post</a>");
                case "/blog/2024/hello.html":
                    return Page("Hello", "", "<p>Hello. Read <a href=\"../../about.html#team\">about the team</a>.</p>");
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
                    return new DemoResponse { ContentType = "text/plain", Body = Encoding.UTF8.GetBytes("User-agent: *\nDisallow: /private/\n") };
                default:
                    return NotFound();
            }
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

        private static DemoResponse Page(string title, string head, string body) =>
            DemoResponse.Html("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>" + head +
                              "</head><body><h1>" + title + "</h1>" + body + "</body></html>");

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
