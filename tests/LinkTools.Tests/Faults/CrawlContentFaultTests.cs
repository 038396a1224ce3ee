using System.Text;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>Pages whose bytes, types and markup are not what they should be, crawled through Invoke-SiteCrawl's operation.</summary>
public class CrawlContentFaultTests
{
    static CrawlContentFaultTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string Links(params string[] hrefs) => string.Concat(hrefs.Select(h => $"<a href=\"{h}\">x</a>\n"));

    private static byte[] Html(string body, Encoding encoding) => encoding.GetBytes("<!doctype html><html><body>\n" + body + "</body></html>");

    [Fact]
    public async Task BinaryServedAsHtmlIsParsedWithoutHarmAndReportedOk()
    {
        var noise = new byte[256 * 1024];
        new Random(7).NextBytes(noise);
        await using var server = await new PageSite()
            .Add("/", "text/html", Links("/binary"))
            .Add("/binary", "text/html", noise)
            .StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        run.AssertLinksOnce(server.Url("/"), new[] { server.Url("/binary").AbsoluteUri });
        var row = run.Row(server.Url("/"), server.Url("/binary").AbsoluteUri);
        Assert.Equal(LinkStatus.Ok, row.Status);
        Assert.Equal(2, run.Summary.Pages);
        Assert.Equal(1, server.HitCount("GET", "/binary"));
    }

    [Fact]
    public async Task HtmlServedAsOctetStreamIsNotParsedButHtmlWithoutATypeIs()
    {
        // A browser downloads an octet-stream (MIME Sniffing: it is never sniffed as HTML), so its links are not links;
        // a response with no type at all is sniffed, and read when it starts with an HTML tag.
        await using var server = await new PageSite()
            .Add("/", "text/html", Links("/octet", "/untyped", "/untyped-text"))
            .Add("/octet", "application/octet-stream", "<!DOCTYPE html><p>" + Links("/never-parsed"))
            .Add("/untyped", null, "<!DOCTYPE html><p>" + Links("/from-untyped"))
            .Add("/untyped-text", null, "text " + Links("/never-parsed-either"))
            .StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        run.AssertLinksOnce(server.Url("/untyped"), new[] { server.Url("/from-untyped").AbsoluteUri });
        Assert.Empty(run.On(server.Url("/octet")));
        Assert.Empty(run.On(server.Url("/untyped-text")));
        Assert.Equal(0, server.HitCount("GET", "/never-parsed") + server.HitCount("HEAD", "/never-parsed"));
        Assert.Equal(0, server.HitCount("GET", "/never-parsed-either") + server.HitCount("HEAD", "/never-parsed-either"));
    }

    /// <summary>A page declaring UTF-8 with invalid sequences in its text and inside a link (/bad\xFFname), then /after-invalid.</summary>
    internal static byte[] InvalidUtf8Page()
    {
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.ASCII.GetBytes("<!doctype html><meta charset=utf-8><p>\xFF broken \n"));
        bytes.AddRange(new byte[] { 0xC3, 0x28, 0xE2, 0x82, 0xFF, 0xF0, 0x28, 0x8C, 0x28 });
        bytes.AddRange(Encoding.ASCII.GetBytes("<a href=\"/bad"));
        bytes.Add(0xFF);
        bytes.AddRange(Encoding.ASCII.GetBytes("name\">x</a><a href=\"/after-invalid\">y</a>"));
        return bytes.ToArray();
    }

    [Fact]
    public async Task InvalidUtf8BecomesReplacementCharactersAndTheLinksAroundItAreFound()
    {
        await using var server = await new PageSite().Add("/", "text/html; charset=utf-8", InvalidUtf8Page()).StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        // A browser decodes the stray byte as U+FFFD and sends that character as UTF-8.
        string bad = server.Url("/bad%EF%BF%BDname").AbsoluteUri;
        run.AssertLinksOnce(server.Url("/"), new[] { bad, server.Url("/after-invalid").AbsoluteUri });
        Assert.All(run.On(server.Url("/")), r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Theory]
    [InlineData("text/html; charset=windows-1252", "")]
    [InlineData("text/html", "<meta charset=\"windows-1252\">")]
    public async Task Windows1252PageEncodesThePathAsUtf8AndTheQueryAsWindows1252(string contentType, string meta)
    {
        var page = Html(meta + Links("/café/€?q=café€#frag-é", "?only=ü"), Encoding.GetEncoding(1252));
        await using var server = await new PageSite().Add("/w/", contentType, page).StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/w/")));

        string path = server.Url("/caf%C3%A9/%E2%82%AC?q=caf%E9%80#frag-%C3%A9").AbsoluteUri;
        string query = server.Url("/w/?only=%FC").AbsoluteUri;
        run.AssertLinksOnce(server.Url("/w/"), new[] { path, query });
        Assert.Equal(LinkStatus.Ok, run.Row(server.Url("/w/"), path).Status);
        Assert.Equal(1, server.HitCount("GET", "/caf%C3%A9/%E2%82%AC?q=caf%E9%80"));
        Assert.Equal(1, server.HitCount("GET", "/w/?only=%FC"));
    }

    [Fact]
    public async Task ShiftJisPageEncodesThePathAsUtf8AndTheQueryAsShiftJis()
    {
        var page = Html("<meta charset=\"Shift_JIS\">" + Links("/日本/?q=日あ", "/x?e=&eacute;"), Encoding.GetEncoding("shift_jis"));
        await using var server = await new PageSite().Add("/", "text/html", page).StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        string japanese = server.Url("/%E6%97%A5%E6%9C%AC/?q=%93%FA%82%A0").AbsoluteUri;

        // é (written as a character reference: the page's bytes cannot hold it) is not in Shift_JIS: browsers send it as the character reference "&#233;".
        string unmappable = server.Url("/x?e=%26%23233%3B").AbsoluteUri;
        run.AssertLinksOnce(server.Url("/"), new[] { japanese, unmappable });
        Assert.All(run.On(server.Url("/")), r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(1, server.HitCount("GET", "/%E6%97%A5%E6%9C%AC/?q=%93%FA%82%A0"));
    }

    [Fact]
    public async Task MalformedHtmlYieldsTheLinksABrowserWouldSee()
    {
        string html = "<html><body><div><p>" +
                      "<a href=/m1>one<a href='/m2'>two" +
                      "<p><a href=\"/m3\" href=\"/m3-duplicate-attribute\">three</a></p></p></div></div>" +
                      "<table><a href=\"/m4\">fostered out of the table</a><tr><td><a href=\"/m5\">cell</td></table>" +
                      "<ul><li><a href=\"/m6\">closed</a><li>unclosed item<li><b><i><a href=\"/m7\">misnested</b></i></a>" +
                      "<!-- an unterminated comment swallows the rest <a href=\"/never\">";
        await using var server = await new PageSite().Add("/", "text/html", html).StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        run.AssertLinksOnce(server.Url("/"), new[] { "/m1", "/m2", "/m3", "/m4", "/m5", "/m6", "/m7" }.Select(p => server.Url(p).AbsoluteUri));
        Assert.All(run.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }

    [Fact]
    public async Task MarkupInCommentsTemplatesTextareasAndScriptsIsNotALink()
    {
        string html = "<!doctype html><title><a href=\"/in-title\">t</a></title>" +
                      "<!-- <a href=\"/in-comment\">c</a> -->" +
                      "<template><a href=\"/in-template\">t</a><img src=\"/in-template.png\"></template>" +
                      "<textarea><a href=\"/in-textarea\">x</a></textarea>" +
                      "<script>document.write('<a href=\"/in-script\">s</a>')</script>" +
                      "<style>/* <a href=\"/in-style\"> */</style>" +
                      "<a href=\"/real\">real</a>";
        await using var server = await new PageSite().Add("/", "text/html", html).StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        run.AssertLinksOnce(server.Url("/"), new[] { server.Url("/real").AbsoluteUri });
        Assert.Equal(2, server.Requests);
    }
}
