using System;
using System.IO;
using System.Management.Automation;
using LinkTools.Core.Monitoring.History;
using LinkTools.Model.Monitoring.History;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>Reports uptime %, downtime and response-time percentiles per site from a Watch-Website -HistoryPath file.</summary>
    /// <remarks>
    /// <para>Get-WebsiteUptime reads the CSV history Watch-Website writes with -HistoryPath (one row per check) and
    /// writes one SiteUptime per site: Url, Name, From, To, Checks, DownChecks, UptimePercent, Downtime, ExcludedTime
    /// and the P50, P95 and P99 response times in milliseconds.</para>
    /// <para>Each check stands for the time until the same site's next check (the last one for the site's median gap).
    /// Down time counts against uptime; time in a maintenance window and Unknown time (the canary failed too) is left
    /// out and shown as ExcludedTime. Degraded time counts as up.</para>
    /// <para>It makes no requests. A history file that cannot be read is an error record naming the path, and other
    /// files from the pipeline are still read.</para>
    /// </remarks>
    [Cmdlet(VerbsCommon.Get, "WebsiteUptime", HelpUri = HelpLinks.Examples + "Get-WebsiteUptime.md")]
    [OutputType(typeof(SiteUptime))]
    public sealed class GetWebsiteUptimeCommand : PSCmdlet
    {
        /// <summary>The history CSV file Watch-Website -HistoryPath wrote. Takes paths from the pipeline and binds FullName from Get-ChildItem output, so several files can be piped in.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string HistoryPath { get; set; } = "";

        /// <summary>Start of the window (inclusive), such as (Get-Date).AddDays(-30); from the first check when omitted.</summary>
        [Parameter]
        public DateTimeOffset? Since { get; set; }

        /// <summary>End of the window (exclusive); up to the last check when omitted.</summary>
        [Parameter]
        public DateTimeOffset? Until { get; set; }

        protected override void ProcessRecord()
        {
            string path = GetUnresolvedProviderPathFromPSPath(HistoryPath);
            try
            {
                foreach (var site in UptimeReport.FromFile(path, Since, Until)) WriteObject(site);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is InvalidDataException)
            {
                WriteError(new ErrorRecord(ex, "HistoryUnreadable", ErrorCategory.ReadError, HistoryPath));
            }
        }
    }
}
