using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using LinkTools.Core.Reporting;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>Writes LinkTools results to a JUnit XML, Markdown, JSON or self-contained HTML report file.</summary>
    /// <remarks>
    /// <para>Export-LinkReport takes the result objects of LinkTools commands from the pipeline, or rows read back
    /// with Import-Csv from a file a run exported, and writes one report file when the pipeline ends.</para>
    /// <para>It reports LinkResult (Test-Link), CrawlResult and OrphanPage (Invoke-SiteCrawl), SiteCheckResult and
    /// SiteStateChange (Watch-Website) and SiteUptime (Get-WebsiteUptime). Crawl results are grouped by the page the
    /// link was found on; watch results by site, with a Down check or change as a failure.</para>
    /// <para>JUnit has one test case per link, grouped in one test suite per page; broken links are failures that
    /// name the page and the reason, and unverifiable or skipped links are skipped tests. Publish it with Azure
    /// DevOps' Publish Test Results task or a GitHub test reporter. Markdown has a summary table and the broken
    /// links grouped by page, for a pipeline summary or a pull request comment. JSON holds every row and the counts.
    /// HTML is one self-contained file (no network) with filters and charts: status breakdown, response times and
    /// the slowest URLs, and an uptime timeline per site for Watch-Website results.</para>
    /// <para>Everything that came from the web is escaped for the format it is written in. An object that is not a
    /// LinkTools result is reported as a non-terminating error, and the report is written from the others.</para>
    /// </remarks>
    [Cmdlet(VerbsData.Export, "LinkReport")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportLinkReportCommand : PSCmdlet
    {
        private readonly ReportBuilder _builder = new ReportBuilder();

        /// <summary>The results to report: the objects Test-Link, Invoke-SiteCrawl, Watch-Website and Get-WebsiteUptime write, or rows with Url and Status columns read back with Import-Csv.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The report format: JUnit, Markdown, Json or Html.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        public ReportFormat Format { get; set; }

        /// <summary>The file to write. An existing file is replaced.</summary>
        [Parameter(Mandatory = true, Position = 1)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>The report's title, shown at the top of Markdown and HTML reports and as the JUnit test run name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "LinkTools report";

        /// <summary>Returns the report file (a FileInfo) after writing it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            if (!_builder.TryAdd(Unwrap(InputObject)))
            {
                var message = $"Export-LinkReport cannot report a {InputObject.BaseObject.GetType().Name}: pipe LinkTools results, or rows with Url and Status properties.";
                WriteError(new ErrorRecord(new ArgumentException(message), "UnsupportedReportInput", ErrorCategory.InvalidArgument, InputObject));
            }
        }

        protected override void EndProcessing()
        {
            var path = GetUnresolvedProviderPathFromPSPath(Path);
            try
            {
                ReportWriters.WriteFile(_builder.Build(Title), Format, path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "ReportWriteFailed", ErrorCategory.WriteError, Path));
                return;
            }

            WriteVerbose($"Wrote a {Format} report of {_builder.Count} results to {path}");
            if (PassThru.IsPresent) WriteObject(new FileInfo(path));
        }

        // Rows from Import-Csv and ConvertFrom-Json are property bags; results from LinkTools arrive as themselves.
        private static object Unwrap(PSObject item)
        {
            if (!(item.BaseObject is PSCustomObject)) return item.BaseObject;
            var properties = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in item.Properties)
            {
                properties[property.Name] = property.Value;
            }

            return properties;
        }
    }
}
