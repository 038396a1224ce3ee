using System.Globalization;
using LinkTools.Core.Monitoring.History;
using LinkTools.Model.Monitoring.History;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// Rows for Get-WebsiteUptime's <see cref="SiteUptime"/>: one row per site, failed when any counted check was
    /// Down. Not of the watch origin, because a summary over a window is not a point on the timeline.
    /// </summary>
    public sealed class SiteUptimeRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is SiteUptime uptime)) return false;
            bool hadDowntime = uptime.DownChecks > 0;
            row = new ReportRow
            {
                Origin = "Uptime",
                Source = WatchRows.Site(uptime.Name, uptime.Url),
                Url = uptime.Url,
                Status = hadDowntime ? "Down" : "Up",
                Outcome = hadDowntime ? ReportOutcome.Failed : ReportOutcome.Passed,
                Reason = string.Format(CultureInfo.InvariantCulture,
                    "{0:0.000}% up from {1:u} to {2:u}: {3} of {4} checks Down, downtime {5}, p95 {6} ms",
                    uptime.UptimePercent, uptime.From, uptime.To, uptime.DownChecks, uptime.Checks, uptime.Downtime, uptime.P95ResponseMs),
                ElapsedMs = uptime.P50ResponseMs,
                CheckedAt = uptime.To,
            };
            return true;
        }
    }
}
