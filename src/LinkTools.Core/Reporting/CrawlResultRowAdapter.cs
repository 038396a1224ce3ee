using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Reporting
{
    /// <summary>Rows for Invoke-SiteCrawl's <see cref="CrawlResult"/>: the page that holds the link is the row's source, so reports group by page.</summary>
    public sealed class CrawlResultRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is CrawlResult result)) return false;
            row = new ReportRow
            {
                Origin = "Crawl",
                Source = result.SourceUrl,
                Url = result.Url,
                Status = result.Status.ToString(),
                Outcome = LinkResultRowAdapter.OutcomeOf(result.Status),
                StatusCode = result.StatusCode,
                FailureKind = result.FailureKind == LinkTools.Model.Checking.FailureKind.None ? "" : result.FailureKind.ToString(),
                Reason = result.Line > 0 ? result.Reason + " (line " + result.Line + ")" : result.Reason,
                ElapsedMs = result.ElapsedMs,
            };
            return true;
        }
    }
}
