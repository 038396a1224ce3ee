using System.Management.Automation;
using LinkTools.Core.Checking;
using LinkTools.Core.Demo;
using LinkTools.Core.Operations;
using LinkTools.Core.Urls;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>Checks URLs concurrently and writes one LinkResult per unique URL.</summary>
    [Cmdlet(VerbsDiagnostic.Test, "Link", DefaultParameterSetName = UriSet)]
    [OutputType(typeof(LinkResult))]
    [OutputType(typeof(bool))]
    public sealed class TestLinkCommand : LinkCheckCmdletBase, System.IDisposable
    {
        private const string UriSet = "Uri";
        private const string PathSet = "Path";
        private const string DemoSet = "Demo";

        private TestLinkOperation? _operation;
        private DemoSite? _demo;

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UriSet)]
        [Alias("Url", "Href", "Link", "Address")]
        [AllowEmptyString]
        public string[] Uri { get; set; } = null!;

        /// <summary>Text files with one URL a line; blank lines and lines starting with # are ignored.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Checks the built-in demo site, served on loopback for the length of the command.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DemoSet)]
        public SwitchParameter Demo { get; set; }

        [Parameter]
        public CheckMethod Method { get; set; } = CheckMethod.Auto;

        /// <summary>Returns only $true when nothing is broken, $false otherwise.</summary>
        [Parameter]
        public SwitchParameter Quiet { get; set; }

        protected override void BeginProcessing()
        {
            var engine = BuildEngineOptions();
            engine.Method = Method;
            _operation = new TestLinkOperation(new TestLinkSettings { Engine = engine, Quiet = Quiet.IsPresent }, new CmdletSink(this));
        }

        protected override void ProcessRecord()
        {
            switch (ParameterSetName)
            {
                case PathSet:
                    foreach (var path in Path)
                    {
                        var resolved = GetUnresolvedProviderPathFromPSPath(path);
                        if (!UrlListFile.TryRead(resolved, out var urls, out var error))
                        {
                            WriteError(new ErrorRecord(error, "UrlFileUnreadable", ErrorCategory.ReadError, path));
                            continue;
                        }

                        _operation!.Process(urls);
                    }

                    break;
                case DemoSet:
                    _demo = DemoSite.Start();
                    WriteVerbose("Demo site serving on " + _demo.BaseUri);
                    _operation!.Process(_demo.CheckList());
                    break;
                default:
                    _operation!.Process(Uri);
                    break;
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                _operation?.End();
            }
            finally
            {
                Cleanup();
            }
        }

        protected override void StopProcessing() => _operation?.Stop();

        public void Dispose() => Cleanup();

        private void Cleanup()
        {
            _operation?.Dispose();
            _operation = null;
            _demo?.Dispose();
            _demo = null;
        }
    }
}
