using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Reporting
{
    /// <summary>Rows for Watch-Website's <see cref="SiteStateChange"/>: one row per confirmed change, counted by the state it led to.</summary>
    public sealed class SiteStateChangeRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is SiteStateChange change)) return false;
            string transition = change.Reason + ": " + change.From + " -> " + change.To;
            row = new ReportRow
            {
                Origin = WatchRows.Origin,
                Source = WatchRows.Site(change.Name, change.Url),
                Url = change.Url,
                Status = change.To.ToString(),
                Outcome = WatchRows.OutcomeOf(change.To),
                StatusCode = change.StatusCode,
                FailureKind = WatchRows.FailureKindText(change.FailureKind),
                Reason = change.Error.Length > 0 ? transition + " (" + change.Error + ")" : transition,
                ElapsedMs = change.ResponseTimeMs,
                CheckedAt = change.At,
            };
            return true;
        }
    }
}
