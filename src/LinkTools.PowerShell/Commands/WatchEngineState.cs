using System;
using System.Collections.Generic;
using LinkTools.Core.Operations;

// The engine objects a cmdlet invocation holds live in classes like this one, never in the cmdlet's own fields:
// PowerShell reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>What one Watch-Website invocation owns: the operation and the notifiers it created.</summary>
    internal sealed class WatchEngineState : IDisposable
    {
        // Written on the pipeline thread, read by StopProcessing on another.
        private volatile WatchWebsiteOperation? _operation;

        public WatchWebsiteOperation? Operation
        {
            get => _operation;
            set => _operation = value;
        }

        public List<IDisposable> Owned { get; } = new List<IDisposable>();

        public void Dispose()
        {
            Operation?.Dispose();
            Operation = null;
            foreach (var owned in Owned) owned.Dispose();
            Owned.Clear();
        }
    }
}
