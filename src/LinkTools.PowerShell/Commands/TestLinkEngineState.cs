using System;
using LinkTools.Core.Demo;
using LinkTools.Core.Operations;

// The engine objects a cmdlet invocation holds live in classes like this one, never in the cmdlet's own fields:
// PowerShell reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>What one Test-Link invocation owns: the operation and, with -Demo, the demo site.</summary>
    internal sealed class TestLinkEngineState : IDisposable
    {
        // Written on the pipeline thread, read by StopProcessing on another.
        private volatile TestLinkOperation? _operation;

        public TestLinkOperation? Operation
        {
            get => _operation;
            set => _operation = value;
        }

        public DemoSite? Demo { get; set; }

        public void Dispose()
        {
            Operation?.Dispose();
            Operation = null;
            Demo?.Dispose();
            Demo = null;
        }
    }
}
