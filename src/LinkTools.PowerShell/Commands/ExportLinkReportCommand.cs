using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using LinkTools.Core.Ci;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;
using LinkTools.Model.Reporting;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>Writes LinkTools results to a JUnit XML, Markdown, JSON or self-contained HTML report file.</summary>
    /// <remarks>
    /// <para>Export-LinkReport takes the result objects of LinkTools commands from the pipeline, or rows read back
    /// with Import-Csv from a file a run exported (Watch-Website's -HistoryPath file too), and writes one report file
    /// when the pipeline ends. The format follows the file's extension (.xml JUnit, .md Markdown, .json Json, .html
    /// Html) unless -Format is given. As with Export-Csv, -Path resolves wildcards and -LiteralPath does not,
    /// -NoClobber keeps an existing file, -Force replaces a read-only one, and -WhatIf shows what would be written.</para>
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
    /// LinkTools result is reported as a non-terminating error, and the report is written from the others; when no
    /// object is a LinkTools result, no report is written and the command ends with a NothingToReport error, so a CI
    /// gate never publishes an empty, passing report.</para>
    /// <para>-Baseline marks each row New, StillBroken or Fixed against a previous run; -SuppressionPath leaves accepted
    /// broken links out until their expiry date; -CiSummary attaches a Markdown report to the Azure Pipelines or
    /// GitHub Actions run summary.</para>
    /// </remarks>
    [Cmdlet(VerbsData.Export, "LinkReport", DefaultParameterSetName = PathSet, SupportsShouldProcess = true, HelpUri = HelpLinks.Examples + "Export-LinkReport.md")]
    [OutputType(typeof(FileInfo))]
    public sealed class ExportLinkReportCommand : PSCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private readonly EngineState _engine = new EngineState();
        private ReportTarget _target = null!;
        private ReportFormat _format;
        private int _refused;

        /// <summary>The results to report: the objects Test-Link, Invoke-SiteCrawl, Watch-Website and Get-WebsiteUptime write, or the rows Import-Csv reads back from their Export-Csv files and from Watch-Website's -HistoryPath file.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>The file to write. Wildcards are resolved, as Export-Csv does, and must match one file (use -LiteralPath for a name with [ or ]). The folder is created if missing. An existing file is replaced unless -NoClobber is given; a read-only one only with -Force.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = null!;

        /// <summary>The file to write, taken exactly as typed: no character is a wildcard.</summary>
        [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP")]
        [ValidateNotNullOrEmpty]
        public string LiteralPath { get; set; } = null!;

        /// <summary>The report format: JUnit, Markdown, Json or Html. Without it, the file's extension decides: .xml JUnit, .md Markdown, .json Json, .html or .htm Html; any other extension needs -Format.</summary>
        [Parameter(Position = 1)]
        [PSDefaultValue(Help = "from the file extension")]
        public ReportFormat Format { get; set; }

        /// <summary>Does not replace an existing file: the command ends with an error instead.</summary>
        [Parameter]
        [Alias("NoOverwrite")]
        public SwitchParameter NoClobber { get; set; }

        /// <summary>Replaces a read-only file.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>The report's title, shown at the top of Markdown and HTML reports and as the JUnit test run name.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string Title { get; set; } = "LinkTools report";

        /// <summary>Returns the report file (a FileInfo) after writing it.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>A previous run's results (CSV or JSON, as Export-Csv, `linktools check --format csv|json` or Export-LinkReport -Format Json write them). Each row gets a BaselineState, New, StillBroken or Fixed, matched by URL.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Baseline { get; set; }

        /// <summary>A file of accepted broken links left out of the report until their expiry date: text lines 'pattern | reason | yyyy-MM-dd' (the date optional) or a JSON array of objects with pattern, reason and expires. Patterns are wildcards ('*' and '?', as -like) matched against the whole URL. Expired suppressions leave nothing out and are named in a warning.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SuppressionPath { get; set; }

        /// <summary>With -Format Markdown, also attaches the report to the CI run's summary page: ##vso[task.uploadsummary] in Azure Pipelines, appended to the GITHUB_STEP_SUMMARY file in GitHub Actions. Outside CI it does nothing.</summary>
        [Parameter]
        public SwitchParameter CiSummary { get; set; }

        protected override void BeginProcessing()
        {
            // Everything about the file is settled before any input is read, as Export-Csv does.
            var target = _target = ReportTarget.Resolve(this, ParameterSetName == LiteralPathSet ? LiteralPath : Path, ParameterSetName == LiteralPathSet);
            _format = MyInvocation.BoundParameters.ContainsKey(nameof(Format)) ? Format : target.FormatFromExtension(this);
            target.RefuseToReplace(this, NoClobber.IsPresent, Force.IsPresent);

            var triage = CiIntegration.LoadTriage(this, Baseline, SuppressionPath);
            if (triage == null) return;
            foreach (var warning in triage.ExpiredWarnings()) WriteWarning(warning);
            _engine.Report = new ReportBuilder(triage: triage);
        }

        protected override void ProcessRecord()
        {
            if (InputObject == null) return;
            if (!_engine.Report.TryAdd(Unwrap(InputObject)))
            {
                _refused++;
                var message = $"Export-LinkReport cannot report a {InputObject.BaseObject.GetType().Name}: pipe LinkTools results, or the rows Import-Csv reads from their CSV files.";
                WriteError(new ErrorRecord(new ArgumentException(message), "UnsupportedReportInput", ErrorCategory.InvalidArgument, InputObject));
            }
        }

        protected override void EndProcessing()
        {
            if (_refused > 0 && _engine.Report.Count == 0 && _engine.Report.Suppressed == 0)
            {
                // A report of nothing would pass a CI gate; none is written.
                var message = $"None of the {_refused} objects piped in is a LinkTools result, so no report was written to '{_target.File}'.";
                ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "NothingToReport", ErrorCategory.InvalidData, _target.File));
            }

            if (!ShouldProcess(_target.File, $"Write a {_format} report of {_engine.Report.Count} results")) return;
            string file = _target.File;
            try
            {
                _target.PrepareToWrite();
                ReportWriters.WriteFile(_engine.Report.Build(Title), _format, file);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "ReportWriteFailed", ErrorCategory.WriteError, file));
                return;
            }

            WriteVerbose($"Wrote a {_format} report of {_engine.Report.Count} results to {file}");
            if (_engine.Report.Suppressed > 0) WriteVerbose($"{_engine.Report.Suppressed} broken links were left out by suppressions.");
            if (CiSummary.IsPresent) AttachSummary(file);
            if (PassThru.IsPresent) WriteObject(new FileInfo(file));
        }

        private void AttachSummary(string path)
        {
            if (_format != ReportFormat.Markdown)
            {
                WriteWarning("-CiSummary attaches Markdown reports only; this report is " + _format + ".");
                return;
            }

            var ci = CiIntegration.DetectCi();
            if (ci == null)
            {
                WriteVerbose("-CiSummary: no CI agent detected (TF_BUILD or GITHUB_ACTIONS), so nothing was attached.");
                return;
            }

            try
            {
                var line = ci.Annotator.AttachSummary(path);
                if (line != null) new CmdletSink(this).WriteInformation(line, new[] { CiAnnotator.InformationTag });
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                WriteError(new ErrorRecord(e, "CiSummaryFailed", ErrorCategory.WriteError, path));
            }
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
