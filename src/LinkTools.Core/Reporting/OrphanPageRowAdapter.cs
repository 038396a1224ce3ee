using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// Rows for Invoke-SiteCrawl -ReportOrphans' <see cref="OrphanPage"/>. An orphan is worth a look but is not a
    /// broken link, so it is reported as skipped and never fails a build.
    /// </summary>
    public sealed class OrphanPageRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is OrphanPage orphan)) return false;
            row = new ReportRow
            {
                Origin = "Crawl",
                Url = orphan.Url,
                Status = orphan.Kind.ToString(),
                Outcome = ReportOutcome.Skipped,
                Reason = orphan.Reason,
            };
            return true;
        }
    }
}
