using System;
using LinkTools.Core.Demo;
using LinkTools.Core.Operations;

// The engine objects a cmdlet invocation holds live in classes like this one, never in the cmdlet's own fields:
// PowerShell reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>What one Invoke-SiteCrawl invocation owns: the crawl in progress (for Ctrl+C) and, with -Demo, the demo site.</summary>
    internal sealed class SiteCrawlEngineState : IDisposable
    {
        // Written on the pipeline thread, read by StopProcessing on another.
        private volatile SiteCrawlOperation? _current;

        public SiteCrawlOperation? Current
        {
            get => _current;
            set => _current = value;
        }

        // Written on the pipeline thread, read by StopProcessing on another.
        private volatile DocsCheckOperation? _docs;

        /// <summary>The documentation folder check in progress (-Path, -LiteralPath).</summary>
        public DocsCheckOperation? Docs
        {
            get => _docs;
            set => _docs = value;
        }

        public DemoSite? Demo { get; set; }

        public void Dispose()
        {
            Demo?.Dispose();
            Demo = null;
        }
    }
}
