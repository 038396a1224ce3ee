using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Tests.Crawling;
using LinkTools.Tests.Faults;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Cli;

/// <summary>
/// The natively compiled linktools (Native AOT: trimmed, no JIT, no reflection-emitted serializers) does what the
/// managed one does: the demo site's crawl, the hostile pages of the fault suite (AngleSharp's tokenizer and the
/// legacy code pages under trimming) and every property of the printed results.
/// </summary>
public class NativeCliTests
{
    static NativeCliTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task TheNativeExecutableReportsTheSameVersionAsTheManagedBuild()
    {
        var native = await NativeCli.RunAsync("--version");

        Assert.Equal(0, native.ExitCode);
        var built = FileVersionInfo.GetVersionInfo(Path.Combine(AppContext.BaseDirectory, "linktools.dll")).ProductVersion;
        Assert.Equal(built, native.StdOut.Trim());
    }

    [Fact]
    public async Task TheNativeCrawlOfTheDemoSiteFindsExactlyItsKnownBrokenLinks()
    {
        var run = await NativeCli.RunAsync("crawl", "--demo", "--format", "json");

        Assert.True(run.ExitCode == 1, run.StdErr);
        var sites = Regex.Match(run.StdErr, @"Demo site on (\S+) \(partner site (\S+)\)");
        Assert.True(sites.Success, run.StdErr);
        var site = new Uri(sites.Groups[1].Value);
        var partner = new Uri(sites.Groups[2].Value);
        var found = run.Lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Select(r => (DemoSiteCrawlTests.Label(site, partner, r.GetProperty("SourceUrl").GetString()!),
                          DemoSiteCrawlTests.Label(site, partner, r.GetProperty("Url").GetString()!),
                          Enum.Parse<FailureKind>(r.GetProperty("FailureKind").GetString()!)))
            .OrderBy(x => x.Item2).ToArray();
        Assert.Equal(DemoSiteCrawlTests.KnownBroken.OrderBy(x => x.Target).ToArray(), found);
    }

    [Fact]
    public async Task HostilePagesCrawlNativelyExactlyAsInProcess()
    {
        await using var server = await HostileSite().StartAsync();
        var start = server.Url("/");

        var native = await NativeCli.RunAsync("crawl", start.AbsoluteUri, "--include-all", "--include-skipped", "--ignore-robots-txt", "--format", "json");
        var inProcess = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(start), TimeSpan.FromMinutes(2));

        Assert.True(native.ExitCode == 0, native.StdErr);
        var nativeRows = native.Lines.Select(l => JsonDocument.Parse(l).RootElement).Select(r => string.Join(" | ",
            r.GetProperty("SourceUrl").GetString(), r.GetProperty("Url").GetString(), r.GetProperty("Status").GetString(),
            r.GetProperty("FailureKind").GetString(), r.GetProperty("Element").GetString(), r.GetProperty("Attribute").GetString(),
            r.GetProperty("LinkText").GetString(), r.GetProperty("Line").GetInt32(), r.GetProperty("Depth").GetInt32())).Order().ToArray();
        var inProcessRows = inProcess.Results.Select(r => string.Join(" | ",
            r.SourceUrl, r.Url, r.Status, r.FailureKind, r.Element, r.Attribute, r.LinkText, r.Line, r.Depth)).Order().ToArray();
        Assert.Equal(inProcessRows, nativeRows);

        // And what the fault suite asserts of these pages, so equal cannot mean equally wrong.
        Assert.Contains(nativeRows, r => r.Contains(server.Url("/bad%EF%BF%BDname").AbsoluteUri));
        Assert.Contains(nativeRows, r => r.Contains(server.Url("/%E6%97%A5%E6%9C%AC/?q=%93%FA%82%A0").AbsoluteUri));
        Assert.Contains(nativeRows, r => r.Contains(server.Url("/caf%C3%A9/%E2%82%AC?q=caf%E9%80").AbsoluteUri));
        Assert.Contains(nativeRows, r => r.Contains(server.Url("/m7").AbsoluteUri));
        Assert.Contains(nativeRows, r => r.Contains(server.Url("/at/10000").AbsoluteUri));
        Assert.Contains(nativeRows, r => r.Contains(server.Url("/svg-target").AbsoluteUri));
        // An octet-stream is downloaded, never sniffed as HTML, as the fault suite holds.
        Assert.DoesNotContain(nativeRows, r => r.Contains("/in-script") || r.Contains("/in-template") || r.Contains("/never") || r.Contains("/from-octet"));
        Assert.Equal(10, native.Lines.Count(l => l.Contains("\"SourceUrl\":\"" + start.AbsoluteUri + "\"")));
    }

    [Fact]
    public async Task TheNativeExecutablePrintsEveryPropertyOfAResultInJsonAndCsv()
    {
        await using var server = await new PageSite().StartAsync();
        var url = server.Url("/page").AbsoluteUri;

        var json = await NativeCli.RunAsync("check", url, "--format", "json");
        var csv = await NativeCli.RunAsync("check", url, "--format", "csv");

        var properties = typeof(LinkResult).GetProperties().Select(p => p.Name).ToArray();
        Assert.True(json.ExitCode == 0, json.StdErr);
        var row = JsonDocument.Parse(Assert.Single(json.Lines)).RootElement;
        Assert.Equal(properties, row.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal("Ok", row.GetProperty("Status").GetString());
        Assert.Equal(200, row.GetProperty("StatusCode").GetInt32());
        Assert.True(csv.ExitCode == 0, csv.StdErr);
        Assert.Equal(string.Join(",", properties), csv.Lines[0]);
        Assert.StartsWith(url + "," + url + ",Ok,False,200,", csv.Lines[1]);
    }

    /// <summary>The fault suite's hostile pages on one site, each linked from the start page.</summary>
    private static PageSite HostileSite()
    {
        static string Links(params string[] hrefs) => string.Concat(hrefs.Select(h => $"<a href=\"{h}\">x</a>\n"));
        static byte[] Html(string body, Encoding encoding) => encoding.GetBytes("<!doctype html><html><body>\n" + body + "</body></html>");

        var noise = new byte[64 * 1024];
        new Random(7).NextBytes(noise);
        var deep = new StringBuilder("<!doctype html><body><a href=\"/top\">top</a>");
        for (int i = 0; i < 10_000; i++)
        {
            deep.Append("<div>");
            if (i % 1000 == 999) deep.Append($"<a href=\"/at/{i + 1}\">level {i + 1}</a>");
        }

        for (int i = 0; i < 10_000; i++) deep.Append("</div>");

        return new PageSite()
            .Add("/", "text/html", Links("/binary", "/octet", "/utf8", "/w1252", "/sjis", "/malformed", "/hidden", "/deep", "/svg", "mailto:someone@127.0.0.1"))
            .Add("/binary", "text/html", noise)
            .Add("/octet", "application/octet-stream", "<!DOCTYPE html><p>" + Links("/from-octet"))
            .Add("/utf8", "text/html; charset=utf-8", CrawlContentFaultTests.InvalidUtf8Page())
            .Add("/w1252", "text/html; charset=windows-1252", Html(Links("/café/€?q=café€#frag-é", "?only=ü"), Encoding.GetEncoding(1252)))
            .Add("/sjis", "text/html", Html("<meta charset=\"Shift_JIS\">" + Links("/日本/?q=日あ", "/x?e=&eacute;"), Encoding.GetEncoding("shift_jis")))
            .Add("/malformed", "text/html", "<html><body><div><p><a href=/m1>one<a href='/m2'>two" +
                 "<table><a href=\"/m4\">fostered</a><tr><td><a href=\"/m5\">cell</td></table>" +
                 "<ul><li><b><i><a href=\"/m7\">misnested</b></i></a><!-- unterminated <a href=\"/never\">")
            .Add("/hidden", "text/html", "<!doctype html><title><a href=\"/in-title\">t</a></title><!-- <a href=\"/in-comment\">c</a> -->" +
                 "<template><a href=\"/in-template\">t</a></template><textarea><a href=\"/in-textarea\">x</a></textarea>" +
                 "<script>document.write('<a href=\"/in-script\">s</a>')</script><a href=\"/real\">real</a>")
            .Add("/deep", "text/html", deep.ToString())
            .Add("/svg", "text/html", "<!doctype html><svg><a xlink:href=\"/svg-target\"><text>t</text></a><image href=\"/svg-image.png\"/>" +
                 "<foreignObject><a href=\"/svg-foreign\">f</a></foreignObject></svg>");
    }
}
