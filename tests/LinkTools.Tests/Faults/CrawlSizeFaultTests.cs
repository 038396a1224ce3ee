using System.Text;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;
using Xunit.Abstractions;

namespace LinkTools.Tests.Faults;

/// <summary>Pages far bigger or deeper than real ones: every link still reported once, no stack overflow, memory bounded.</summary>
[Collection(IsolatedFaultCollection.Name)]
public class CrawlSizeFaultTests
{
    private const int LinkCount = 100_000;
    private const int Depth = 10_000;
    private const long HeapBound = 512L * 1024 * 1024;

    private readonly ITestOutputHelper _output;

    public CrawlSizeFaultTests(ITestOutputHelper output) => _output = output;

    /// <summary>
    /// Even links go to distinct pages left out by -Exclude (reported, not fetched: 50,000 requests would measure the
    /// server, not the crawler); odd ones are fragments of the page itself, one in every thousand links naming no element.
    /// </summary>
    [Fact]
    public async Task AHundredThousandDistinctLinksAreEachReportedOnce()
    {
        var html = new StringBuilder("<!doctype html><body>\n", LinkCount * 40);
        for (int i = 0; i < LinkCount; i++)
        {
            html.Append(i % 2 == 0 ? $"<a href=\"/l/{i}\">{i}</a>\n" : $"<a href=\"#a{i}\">{i}</a>\n");
            if (i % 2 == 1 && i % 1000 != 1) html.Append($"<i id=\"a{i}\"></i>\n");
        }

        await using var server = await new PageSite().Add("/", "text/html", html.ToString()).StartAsync();
        var page = server.Url("/");
        var settings = CrawlFaultRun.Settings(page, s => s with { Exclude = s.Exclude.Append("/l/").ToArray() });

        long peak = 0;
        var run = await HeapPeak.MeasureAsync(() => CrawlFaultRun.RunAsync(settings, TimeSpan.FromMinutes(3)), p => peak = p);

        _output.WriteLine($"{LinkCount:N0} links on one page ({html.Length:N0} chars): {run.Summary.Elapsed.TotalSeconds:N1} s, managed heap peak {peak / (1024 * 1024)} MB");
        Assert.True(peak < HeapBound, $"managed heap reached {peak:N0} bytes");
        run.AssertLinksOnce(page, Enumerable.Range(0, LinkCount).Select(i => i % 2 == 0 ? server.Url($"/l/{i}").AbsoluteUri : $"{page.AbsoluteUri}#a{i}"));
        var rows = run.On(page);
        Assert.Equal(LinkCount / 2, rows.Count(r => r.Status == LinkStatus.Skipped && r.FailureKind == FailureKind.Excluded));
        Assert.Equal(LinkCount / 1000, rows.Count(r => r.FailureKind == FailureKind.MissingFragment));
        Assert.Equal(LinkCount / 2 - LinkCount / 1000, rows.Count(r => r.Status == LinkStatus.Ok));
        Assert.Equal(1, server.Requests);
    }

    [Theory]
    [InlineData("div")]
    [InlineData("span")]
    [InlineData("b")]
    public async Task TenThousandDeepElementsDoNotOverflowTheStackAndTheirLinksAreFound(string element)
    {
        var html = new StringBuilder("<!doctype html><body><a href=\"/top\">top</a>");
        for (int i = 0; i < Depth; i++)
        {
            html.Append('<').Append(element).Append('>');
            if (i % 1000 == 999) html.Append($"<a href=\"/at/{i + 1}\">level {i + 1}</a>");
        }

        for (int i = 0; i < Depth; i++) html.Append("</").Append(element).Append('>');
        html.Append("<a href=\"/bottom\">bottom</a></body>");
        await using var server = await new PageSite().Add("/", "text/html", html.ToString()).StartAsync();

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")), TimeSpan.FromMinutes(2));

        var expected = new[] { "/top", "/bottom" }.Concat(Enumerable.Range(1, Depth / 1000).Select(n => $"/at/{n * 1000}"));
        run.AssertLinksOnce(server.Url("/"), expected.Select(p => server.Url(p).AbsoluteUri));
        Assert.All(run.Results, r => Assert.Equal(LinkStatus.Ok, r.Status));
    }
}
