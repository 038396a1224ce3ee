using System;
using System.IO;
using System.Management.Automation;
using LinkTools.Core.Monitoring.History;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>Reports uptime %, downtime and response-time percentiles per site from a Watch-Website -HistoryPath file.</summary>
    [Cmdlet(VerbsCommon.Get, "WebsiteUptime")]
    [OutputType(typeof(SiteUptime))]
    public sealed class GetWebsiteUptimeCommand : PSCmdlet
    {
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName")]
        [ValidateNotNullOrEmpty]
        public string HistoryPath { get; set; } = "";

        /// <summary>Start of the window (inclusive); the whole history when omitted.</summary>
        [Parameter]
        public DateTimeOffset? Since { get; set; }

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
