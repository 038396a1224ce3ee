using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>What one fault crawl wrote, with the per-page assertion every crawl case makes.</summary>
public sealed class CrawlRun
{
    public CrawlRun(RecordingSink sink, CrawlSummary summary)
    {
        Sink = sink;
        Summary = summary;
        Results = sink.OfType<CrawlResult>().ToList();
        _bySource = Results.ToLookup(r => r.SourceUrl, StringComparer.Ordinal);
    }

    private readonly ILookup<string, CrawlResult> _bySource;

    public RecordingSink Sink { get; }

    public CrawlSummary Summary { get; }

    public List<CrawlResult> Results { get; }

    /// <summary>The rows for links on <paramref name="page"/>.</summary>
    public List<CrawlResult> On(Uri page) => _bySource[page.AbsoluteUri].ToList();

    /// <summary>The one row for <paramref name="url"/> on <paramref name="page"/>.</summary>
    public CrawlResult Row(Uri page, string url) => Assert.Single(On(page), r => r.Url == url);

    /// <summary>Every link in <paramref name="expected"/> (distinct, resolved) reported exactly once on <paramref name="page"/>, and nothing else.</summary>
    public void AssertLinksOnce(Uri page, IEnumerable<string> expected)
    {
        var rows = On(page);
        var wanted = expected.ToList();
        var duplicates = rows.GroupBy(r => r.Url).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
        Assert.True(duplicates.Count == 0, "reported more than once: " + string.Join(", ", duplicates));
        var missing = wanted.Except(rows.Select(r => r.Url)).Take(5).ToList();
        Assert.True(missing.Count == 0, "never reported: " + string.Join(", ", missing));
        var extra = rows.Select(r => r.Url).Except(wanted).Take(5).ToList();
        Assert.True(extra.Count == 0, "not on the page: " + string.Join(", ", extra));
        Assert.Equal(wanted.Count, rows.Count);
    }
}
