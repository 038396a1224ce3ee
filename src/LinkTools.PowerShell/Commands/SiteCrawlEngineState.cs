using System;
using LinkTools.Core.Demo;
using LinkTools.Core.Crawling;
using LinkTools.Core.Pipeline;

// The engine objects a cmdlet invocation holds live in classes like this one, never in the cmdlet's own fields:
// PowerShell reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>What one Invoke-SiteCrawl invocation owns: the crawl or documentation check in progress (for Ctrl+C) and, with -Demo, the demo site.</summary>
    internal sealed class SiteCrawlEngineState : IDisposable
    {
        // Written on the pipeline thread, read by StopProcessing on another.
        private volatile PipelineOperation? _current;

        /// <summary>The crawl or documentation check in progress, for Ctrl+C.</summary>
        public PipelineOperation? Current => _current;

        /// <summary>Runs an operation the command owns to its end, stoppable by Ctrl+C meanwhile, and disposes it.</summary>
        public void Run(PipelineOperation operation, Func<CrawlSummary> run)
        {
            using (operation)
            {
                _current = operation;
                try
                {
                    run();
                }
                finally
                {
                    _current = null;
                }
            }
        }

        public DemoSite? Demo { get; set; }

        public void Dispose()
        {
            Demo?.Dispose();
            Demo = null;
        }
    }
}
