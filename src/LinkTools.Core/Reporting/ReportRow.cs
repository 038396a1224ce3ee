using System;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// One line of a report, whatever command produced it: a checked link (Test-Link, a crawl) or a site check.
    /// Writers see only rows, so a new result type needs just an <see cref="IReportRowAdapter"/>.
    /// </summary>
    public sealed class ReportRow
    {
        /// <summary>The command or result kind the row came from ("Test-Link", "Crawl", "Watch").</summary>
        public string Origin { get; set; } = "";

        /// <summary>The page the link is on, or the site a check is for; empty when there is none (Test-Link).</summary>
        public string Source { get; set; } = "";

        public string Url { get; set; } = "";

        /// <summary>The verdict as the command names it (Ok, Redirected, Broken, Unverifiable, Skipped, Up, Down...).</summary>
        public string Status { get; set; } = "";

        public ReportOutcome Outcome { get; set; }

        public int? StatusCode { get; set; }

        public string FailureKind { get; set; } = "";

        public string Reason { get; set; } = "";

        public long? ElapsedMs { get; set; }

        public DateTimeOffset? CheckedAt { get; set; }

        /// <summary>New, StillBroken or Fixed against a baseline; empty when none was given.</summary>
        public string BaselineState { get; set; } = "";
    }
}
