using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Reporting
{
    /// <summary>Rows for Test-Link's <see cref="LinkResult"/>.</summary>
    public sealed class LinkResultRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is LinkResult result)) return false;
            row = new ReportRow
            {
                Origin = "Test-Link",
                Url = result.Url,
                Status = result.Status.ToString(),
                Outcome = OutcomeOf(result.Status),
                StatusCode = result.StatusCode,
                FailureKind = result.FailureKind == LinkTools.Model.Checking.FailureKind.None ? "" : result.FailureKind.ToString(),
                Reason = result.Reason,
                ElapsedMs = result.ElapsedMs,
                CheckedAt = result.CheckedAt,
                BaselineState = result.BaselineState == LinkTools.Model.Triage.BaselineState.None ? "" : result.BaselineState.ToString(),
            };
            return true;
        }

        /// <summary>Broken fails; Unverifiable and Skipped are reported but do not fail a build.</summary>
        public static ReportOutcome OutcomeOf(LinkStatus status) =>
            status == LinkStatus.Broken ? ReportOutcome.Failed
            : status == LinkStatus.Unverifiable || status == LinkStatus.Skipped ? ReportOutcome.Skipped
            : ReportOutcome.Passed;
    }
}
