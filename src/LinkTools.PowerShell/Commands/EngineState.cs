using System;
using System.Collections.Generic;
using LinkTools.Core.Demo;
using LinkTools.Core.Operations;
using LinkTools.Core.Reporting;

// The engine objects each cmdlet invocation holds. They live in these classes, never in a cmdlet's own fields:
// PowerShell reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>What one Test-Link invocation owns: the operation and, with -Demo, the demo site.</summary>
    internal sealed class TestLinkEngineState : IDisposable
    {
        public TestLinkOperation? Operation { get; set; }

        public DemoSite? Demo { get; set; }

        public void Dispose()
        {
            Operation?.Dispose();
            Operation = null;
            Demo?.Dispose();
            Demo = null;
        }
    }

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

        public DemoSite? Demo { get; set; }

        public void Dispose()
        {
            Demo?.Dispose();
            Demo = null;
        }
    }

    /// <summary>What one Watch-Website invocation owns: the operation and the notifiers it created.</summary>
    internal sealed class WatchEngineState : IDisposable
    {
        public WatchWebsiteOperation? Operation { get; set; }

        public List<IDisposable> Owned { get; } = new List<IDisposable>();

        public void Dispose()
        {
            Operation?.Dispose();
            Operation = null;
            foreach (var owned in Owned) owned.Dispose();
            Owned.Clear();
        }
    }

    /// <summary>What one Export-LinkReport invocation collects: the report being built.</summary>
    internal sealed class ReportEngineState
    {
        public ReportBuilder Builder { get; set; } = new ReportBuilder();
    }
}
