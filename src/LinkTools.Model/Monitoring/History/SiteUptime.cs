using System;

namespace LinkTools.Model.Monitoring.History
{
    /// <summary>One site's uptime over a window of its history. Maintenance and Unknown time are left out.</summary>
    public sealed class SiteUptime
    {
        public string Url { get; set; } = "";
        public string Name { get; set; } = "";
        public DateTimeOffset From { get; set; }
        public DateTimeOffset To { get; set; }

        /// <summary>Checks counted (not in maintenance, not Unknown).</summary>
        public int Checks { get; set; }
        public int DownChecks { get; set; }

        /// <summary>Share of counted time the site was not Down, 0-100.</summary>
        public double UptimePercent { get; set; }

        public TimeSpan Downtime { get; set; }

        /// <summary>Time left out: maintenance windows and Unknown (canary down).</summary>
        public TimeSpan ExcludedTime { get; set; }

        public long P50ResponseMs { get; set; }
        public long P95ResponseMs { get; set; }
        public long P99ResponseMs { get; set; }
    }
}
