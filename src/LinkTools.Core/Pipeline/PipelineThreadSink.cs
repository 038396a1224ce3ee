using System;
using System.Threading;

namespace LinkTools.Core.Pipeline
{
    /// <summary>
    /// The operation's side of its sink: every write must come on the thread that created the operation (the
    /// pipeline thread), because PowerShell allows WriteObject and friends only there and fails later, and less
    /// clearly, when they come from elsewhere. Worker threads write to the operation's buffer instead.
    /// </summary>
    internal sealed class PipelineThreadSink : IPipelineSink
    {
        private readonly IPipelineSink _inner;
        private readonly int _pipelineThread = Thread.CurrentThread.ManagedThreadId;

        public PipelineThreadSink(IPipelineSink inner) => _inner = inner;

        /// <summary>Readable from any thread: workers use it to skip formatting verbose text.</summary>
        public bool IsVerboseEnabled => _inner.IsVerboseEnabled;

        public void WriteObject(object item)
        {
            EnsurePipelineThread();
            _inner.WriteObject(item);
        }

        public void WriteError(PipelineError error)
        {
            EnsurePipelineThread();
            _inner.WriteError(error);
        }

        public void WriteWarning(string message)
        {
            EnsurePipelineThread();
            _inner.WriteWarning(message);
        }

        public void WriteVerbose(string message)
        {
            EnsurePipelineThread();
            _inner.WriteVerbose(message);
        }

        public void WriteDebug(string message)
        {
            EnsurePipelineThread();
            _inner.WriteDebug(message);
        }

        public void WriteInformation(object messageData, string[] tags)
        {
            EnsurePipelineThread();
            _inner.WriteInformation(messageData, tags);
        }

        public void WriteProgress(ProgressInfo progress)
        {
            EnsurePipelineThread();
            _inner.WriteProgress(progress);
        }

        private void EnsurePipelineThread()
        {
            int current = Thread.CurrentThread.ManagedThreadId;
            if (current == _pipelineThread) return;
            throw new InvalidOperationException(
                $"Output was written to the sink from thread {current}, but only the pipeline thread (thread {_pipelineThread}, " +
                "which created the operation) may write there; worker threads write to the operation's buffer, which the pump hands on.");
        }
    }
}
