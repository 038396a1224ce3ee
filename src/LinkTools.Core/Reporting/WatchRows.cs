using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Reporting
{
    /// <summary>What the watch adapters share: the origin that draws the uptime timeline, and how a health counts.</summary>
    internal static class WatchRows
    {
        /// <summary>The HTML report draws its uptime timeline from rows of this origin.</summary>
        public const string Origin = "Watch";

        /// <summary>The site a row belongs to: its display name, or its URL when it has none.</summary>
        public static string Site(string name, string url) => name.Length > 0 ? name : url;

        /// <summary>Down fails; Unknown (the monitor's own network) and Maintenance cannot tell; Up and Degraded pass.</summary>
        public static ReportOutcome OutcomeOf(SiteHealth health) =>
            health == SiteHealth.Down ? ReportOutcome.Failed
            : health == SiteHealth.Unknown || health == SiteHealth.Maintenance ? ReportOutcome.Skipped
            : ReportOutcome.Passed;

        public static string FailureKindText(WatchFailureKind kind) => kind == WatchFailureKind.None ? "" : kind.ToString();
    }
}
