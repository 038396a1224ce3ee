using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Reporting
{
    /// <summary>Rows for Watch-Website -PassThru's <see cref="SiteCheckResult"/>: one row per check, on the site's timeline lane.</summary>
    public sealed class SiteCheckResultRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is SiteCheckResult check)) return false;

            // The observed state, not the confirmed one: the report shows what each check saw.
            row = new ReportRow
            {
                Origin = WatchRows.Origin,
                Source = WatchRows.Site(check.Name, check.Url),
                Url = check.Url,
                Status = check.State.ToString(),
                Outcome = WatchRows.OutcomeOf(check.State),
                StatusCode = check.StatusCode,
                FailureKind = WatchRows.FailureKindText(check.FailureKind),
                Reason = check.Error,
                ElapsedMs = check.ResponseTimeMs,
                CheckedAt = check.CheckedAt,
            };
            return true;
        }
    }
}
