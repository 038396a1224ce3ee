using System.Linq;
using System.Management.Automation;
using LinkTools.Core.Checking;
using LinkTools.Core.Demo;
using LinkTools.Core.Operations;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;
using LinkTools.Model.Settings;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>Checks URLs concurrently and writes one LinkResult per unique URL.</summary>
    /// <remarks>
    /// <para>Test-Link checks every URL it receives, from parameters, the pipeline (strings, or objects with a Url
    /// property such as rows from Import-Csv) or text files, on one shared concurrent engine. Results stream out as
    /// checks finish, so the first ones appear while later URLs are still being checked; the order is not the input order.</para>
    /// <para>Each link is requested with HEAD first; a HEAD that fails is confirmed with GET before the link is called
    /// broken, because many servers refuse or mishandle HEAD. Redirects are followed and recorded. Transient failures
    /// are retried with backoff, and a server's Retry-After is honoured up to a cap.</para>
    /// <para>Every result has a Status: Ok, Redirected, Broken, Unverifiable (bot protection or rate limits hide the
    /// answer) or Skipped, and for anything not Ok a FailureKind and a Reason. A URL given twice is checked once.
    /// Broken links are data, not errors: only bad input (a value that is not an absolute http or https URL, or an
    /// unreadable file) produces an error record, and the other URLs are still checked.</para>
    /// <para>Use -Quiet in scripts and CI gates: it returns a single $true when links were checked and none is broken,
    /// and $false otherwise, including when an input was refused (an invalid URL, an unreadable file) or nothing was
    /// checked at all. Lines piped in as strings (Get-Content urls.txt | Test-Link) are read as -Path reads a file:
    /// blank lines and # comments are skipped.</para>
    /// <para>Under Azure Pipelines (TF_BUILD) or GitHub Actions (GITHUB_ACTIONS) each broken link is also logged as an
    /// error annotation and, in Azure Pipelines, progress as a task progress command. These lines go to the host, as
    /// Write-Host does, never into the pipeline. -Baseline compares with a previous run and -SuppressionPath hides
    /// accepted broken links until their expiry date.</para>
    /// </remarks>
    [Cmdlet(VerbsDiagnostic.Test, "Link", DefaultParameterSetName = UriSet, HelpUri = HelpLinks.Examples + "Test-Link.md")]
    [OutputType(typeof(LinkResult))]
    [OutputType(typeof(bool))]
    public sealed class TestLinkCommand : LinkCheckCmdletBase, System.IDisposable
    {
        private const string UriSet = "Uri";
        private const string PathSet = "Path";
        private const string DemoSet = "Demo";

        private readonly EngineState _engine = new EngineState();
        private int _inputRow;

        /// <summary>The URLs to check: absolute http or https URLs. Accepts strings from the pipeline, and objects with a Uri, Url, Href, Link or Address property (such as rows from Import-Csv).</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UriSet)]
        [Alias("Url", "Href", "Link", "Address")]
        [AllowEmptyString]
        public string[] Uri { get; set; } = null!;

        /// <summary>The pipeline object itself, bound by PowerShell beside -Uri: lines piped in as strings are read as a URL list (blank lines and # comments skipped, as with -Path), and a row whose Url is empty is named in the error. Not meant to be given by hand.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = UriSet, DontShow = true)]
        [AllowNull]
        public PSObject? InputObject { get; set; }

        /// <summary>Text files with one URL a line; blank lines and lines starting with # are ignored. An unreadable file is reported as an error and the other files are still read.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Checks the built-in demo site, served on loopback for the length of the command, with the demo's short timings (a 5 s deadline, 0.2 s retry pauses) unless -TimeoutSec or -RetryIntervalSec is given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DemoSet)]
        public SwitchParameter Demo { get; set; }

        [Parameter]
        [Setting(nameof(Method))]
        public CheckMethod Method { get; set; } = (CheckMethod)SettingDescriptions.Method.Default!;

        /// <summary>Returns only $true or $false instead of the result objects: $true when links were checked and none is Broken; $false when one is, when an input was refused (an invalid URL, an unreadable -Path file, a row with an empty Url) or when nothing was checked.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        /// <summary>A previous run's results (CSV from Export-Csv or `linktools check --format csv`, JSON from ConvertTo-Json, `--format json` or Export-LinkReport -Format Json). Each result gets a BaselineState: New, StillBroken or Fixed, matched by URL; with a baseline, -Quiet returns $false only for New broken links.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Baseline { get; set; }

        /// <summary>A file of accepted broken links, hidden from the results until their expiry date: text lines 'pattern | reason | yyyy-MM-dd' (the date optional) or a JSON array of objects with pattern, reason and expires. Patterns are wildcards ('*' and '?', as -like) matched against the whole URL. Expired suppressions hide nothing and are named in a warning.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SuppressionPath { get; set; }

        /// <summary>A file that keeps link results between runs, created if missing (commit it to a CI cache such as Azure Pipelines' Cache@2 or GitHub's actions/cache). A link that was Ok or Redirected within -MaxCacheAge is reported from it without a request (FromCache $true, Attempts 0); broken, timed-out, rate-limited and unverifiable links are always checked again. The file holds only results (no headers, credentials or URL user info), is replaced whole when the run ends, and is moved aside with a warning when it is not a LinkTools result cache.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CachePath { get; set; }

        [Parameter]
        [Setting(nameof(MaxCacheAge))]
        public System.TimeSpan MaxCacheAge { get; set; } = System.TimeSpan.FromSeconds(SettingDescriptions.MaxCacheAge.IntDefault);

        protected override void BeginProcessing()
        {
            var engine = BuildEngineOptions(SettingDescriptions.Check);
            if (ParameterSetName == DemoSet) engine = ApplyDemoSettings(engine, MyInvocation.BoundParameters.Keys);
            var triage = CiIntegration.LoadTriage(this, Baseline, SuppressionPath);
            var settings = BuildSettings(() => new TestLinkSettings
            {
                Engine = engine,
                Checks = SettingMapping.Checks(new BoundSettings(this), SettingDescriptions.Check),
                Quiet = Quiet.IsPresent,
                Ci = CiIntegration.DetectCi(),
                Triage = triage,
                Cache = CiIntegration.CacheSettings(this, CachePath, MaxCacheAge),
            });
            try
            {
                _engine.Hold(new TestLinkOperation(settings, new CmdletSink(this)));
            }
            catch (System.ArgumentException ex)
            {
                ThrowInvalidSetting(ex);
            }
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    foreach (var path in Path)
                    {
                        _engine.Held<TestLinkOperation>().ProcessFile(GetUnresolvedProviderPathFromPSPath(path), path);
                    }

                    break;
                case DemoSet:
                    var demo = _engine.Own(DemoSite.Start());
                    WriteVerbose("Demo site serving on " + demo.BaseUri);
                    _engine.Held<TestLinkOperation>().Process(demo.CheckList());
                    break;
                default:
                    ProcessUris();
                    break;
            }
        }

        private void ProcessUris()
        {
            var operation = _engine.Held<TestLinkOperation>();
            if (!MyInvocation.ExpectingInput || InputObject == null)
            {
                operation.Process(Uri);
                return;
            }

            _inputRow++;
            if (InputObject.BaseObject is string)
            {
                // A line piped in (Get-Content urls.txt | Test-Link) is read as -Path reads a line.
                operation.Process(Uri.Select(UrlListFile.UrlOf).Where(url => url != null));
                return;
            }

            foreach (var url in Uri)
            {
                if (string.IsNullOrWhiteSpace(url))
                {
                    var message = $"Row {_inputRow} of the input has an empty Url.";
                    operation.Reject(new PipelineError(new System.ArgumentException(message), "InvalidUrl", PipelineErrorCategory.InvalidArgument, InputObject));
                    continue;
                }

                operation.Process(new[] { url });
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                _engine.Held<TestLinkOperation>().End();
            }
            finally
            {
                Cleanup();
            }
        }

        protected override void StopProcessing() => _engine.Stop();

        public void Dispose() => Cleanup();

        private void Cleanup() => _engine.Dispose();
    }
}
