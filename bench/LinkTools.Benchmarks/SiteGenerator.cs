using System.Text;

namespace LinkTools.Benchmarks;

/// <summary>
/// A synthetic site of N pages, generated from the page number (and built once, before a run) so the server never limits it:
/// a tree of pages (five children each, so several levels deep), about 20 links a page (parent, children, related
/// pages, images with srcset, a script, a stylesheet, a fragment, links to a second origin), and known broken links
/// and redirects. Like a real site, about 1 % of its links go to URLs that answer a permanent 500 (on both origins),
/// and a few to a host that refuses connections and to a slow host. The same rules give the expected request count for the ideal.
/// </summary>
internal sealed class SiteGenerator
{
    public const int Branching = 5;
    private readonly int _pages;

    private readonly byte[]?[] _pageBytes;

    public int Pages => _pages;

    public SiteGenerator(int pages)
    {
        _pages = pages;
        _pageBytes = new byte[pages][];
    }

    /// <summary>The page as UTF-8, built on first use and kept (two requests racing may both build it: same bytes).</summary>
    public byte[] PageBytes(int i, SiteHosts hosts) =>
        Volatile.Read(ref _pageBytes[i]) ?? (_pageBytes[i] = Encoding.UTF8.GetBytes(Page(i, hosts)));

    public static string PagePath(int i) => $"/p/{i}.html";

    /// <summary>The page's HTML.</summary>
    public string Page(int i, SiteHosts hosts)
    {
        var html = new StringBuilder(2048);
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Page ").Append(i).Append("</title>");
        html.Append("<link rel=\"stylesheet\" href=\"/css/").Append(i % 10).Append(".css\">");
        html.Append("<script src=\"/js/").Append(i % 20).Append(".js\"></script></head><body>");
        html.Append("<h1 id=\"top\">Page ").Append(i).Append("</h1><h2 id=\"s1\">Section</h2>");
        foreach (var (href, text) in Links(i, hosts))
        {
            html.Append("<p><a href=\"").Append(href).Append("\">").Append(text).Append("</a></p>");
        }

        html.Append("<img src=\"/img/").Append(i % 100).Append(".png\" srcset=\"/img/").Append(i % 100).Append("@2x.png 2x\" alt=\"\">");
        html.Append("</body></html>");
        return html.ToString();
    }

    private IEnumerable<(string Href, string Text)> Links(int i, SiteHosts hosts)
    {
        string external = hosts.External;
        if (i > 0) yield return (PagePath((i - 1) / Branching), "parent");
        for (int c = i * Branching + 1; c <= i * Branching + Branching && c < _pages; c++) yield return (PagePath(c), "child");
        for (int r = 1; r <= 6; r++) yield return (PagePath(Related(i, r)), "related");
        yield return (PagePath((i == 0 ? 0 : (i - 1) / Branching)) + "#s1", "section");
        yield return (external + "e/" + (i % 200), "partner");
        yield return (external + "e/" + ((i + 7) % 200), "partner");
        if (i % 10 == 3) yield return ("/missing/" + i, "broken");
        if (i % 25 == 4) yield return (external + "gone/" + i, "broken partner");
        if (i % 20 == 5) yield return ("/r/" + i, "moved");
        if (i % 10 == 1) yield return ("/error/" + i, "server error");
        if (i % 10 == 6) yield return (external + "error/" + i, "partner server error");
        if (i % 100 == 9) yield return (hosts.Refused + "x/" + i, "refused");
        if (i % 100 == 19) yield return (hosts.Slow + "s/" + i, "slow");
    }

    // Related pages point at pages already reachable through the tree, so the crawl depth stays the tree's.
    private int Related(int i, int r) => (int)((uint)(i * 2654435761u + (uint)r * 40503u) % (uint)_pages);

    /// <summary>
    /// Every distinct URL a complete crawl must request plus one per redirect hop; the tree's depth; broken links; links
    /// to the slow and to the refusing host; links to the other origin whose HEAD fails and so is confirmed by a GET.
    /// </summary>
    public (int Requests, int Depth, int Broken, int Slow, int Refused, int Confirmed) Expected()
    {
        var site = new HashSet<string>();
        var external = new HashSet<string>();
        int others = 0;
        int broken = 0, redirects = 0, slow = 0, refused = 0, confirmed = 0;
        for (int i = 0; i < _pages; i++)
        {
            site.Add(PagePath(i));
            site.Add($"/css/{i % 10}.css");
            site.Add($"/js/{i % 20}.js");
            site.Add($"/img/{i % 100}.png");
            site.Add($"/img/{i % 100}@2x.png");
            external.Add("e/" + (i % 200));
            external.Add("e/" + ((i + 7) % 200));
            if (i % 10 == 3) { site.Add("/missing/" + i); broken++; }
            if (i % 25 == 4) { external.Add("gone/" + i); broken++; confirmed++; }
            if (i % 20 == 5) { site.Add("/r/" + i); redirects++; } // the hop is followed to the page itself: one more request
            if (i % 10 == 1) { site.Add("/error/" + i); broken++; }
            if (i % 10 == 6) { external.Add("error/" + i); broken++; confirmed++; }
            if (i % 100 == 9) { others++; broken++; refused++; }
            if (i % 100 == 19) { others++; slow++; }
        }

        int depth = 1;
        for (long reach = 1, level = 1; reach < _pages; level *= Branching, reach += level * Branching) depth++;
        return (site.Count + external.Count + others + redirects, depth, broken, slow, refused, confirmed);
    }
}

/// <summary>The other hosts a generated page links to: a second origin, a slow host and one that refuses connections.</summary>
internal sealed record SiteHosts(string External, string Slow, string Refused);
