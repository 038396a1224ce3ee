using System;
using System.Collections.Generic;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;

// The engine objects a cmdlet invocation holds live in this class, never in the cmdlet's own fields: PowerShell
// reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// What one cmdlet invocation holds: the operation in progress (for Ctrl+C), what it owns until the command ends
    /// (a demo site, notifiers) and, for Export-LinkReport, the report being built.
    /// </summary>
    internal sealed class EngineState : IDisposable
    {
        private readonly List<IDisposable> _owned = new List<IDisposable>();
        private ReportBuilder? _report;

        // Written on the pipeline thread, read by StopProcessing on another.
        private volatile PipelineOperation? _current;
        private PipelineOperation? _held;

        /// <summary>Holds <paramref name="operation"/> until the command ends: Ctrl+C stops it, Dispose disposes it first.</summary>
        public T Hold<T>(T operation) where T : PipelineOperation
        {
            _held = operation;
            _current = operation;
            return operation;
        }

        /// <summary>The operation <see cref="Hold{T}"/> was given.</summary>
        public T Held<T>() where T : PipelineOperation => (T)(_held ?? throw new InvalidOperationException("No operation is held."));

        /// <summary>Runs an operation to its end, stoppable by Ctrl+C meanwhile, and disposes it.</summary>
        public void Run(PipelineOperation operation, Action run)
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

        /// <summary>Disposed when the command ends, after the held operation.</summary>
        public T Own<T>(T owned) where T : IDisposable
        {
            _owned.Add(owned);
            return owned;
        }

        public ReportBuilder Report
        {
            get => _report ??= new ReportBuilder();
            set => _report = value;
        }

        /// <summary>Called from StopProcessing, on another thread.</summary>
        public void Stop() => _current?.Stop();

        public void Dispose()
        {
            _current = null;
            _held?.Dispose();
            _held = null;
            foreach (var owned in _owned) owned.Dispose();
            _owned.Clear();
        }
    }
}
