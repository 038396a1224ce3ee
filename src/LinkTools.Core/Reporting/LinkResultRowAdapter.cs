using LinkTools.Core.Checking;

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
                FailureKind = result.FailureKind == Checking.FailureKind.None ? "" : result.FailureKind.ToString(),
                Reason = result.Reason,
                ElapsedMs = result.ElapsedMs,
                CheckedAt = result.CheckedAt,
                BaselineState = result.BaselineState == Reporting.BaselineState.None ? "" : result.BaselineState.ToString(),
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
