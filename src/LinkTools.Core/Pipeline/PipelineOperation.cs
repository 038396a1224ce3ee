using System;
using System.Diagnostics;
using System.Threading;

namespace LinkTools.Core.Pipeline
{
    /// <summary>
    /// The body of a cmdlet, driven from the pipeline thread: work runs on worker threads and writes to
    /// <see cref="Output"/>; <see cref="Pump"/> hands it to the sink. Follows ForEach-Object -Parallel's design:
    /// drain in ProcessRecord, wait-and-drain in EndProcessing, cancel in StopProcessing.
    /// </summary>
    public abstract class PipelineOperation : IDisposable
    {
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(100);
        private readonly CancellationTokenSource _stop = new();
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private bool _progressShown;

        protected PipelineOperation(IPipelineSink sink)
        {
            Sink = sink;
        }

        protected IPipelineSink Sink { get; }

        protected PipelineBuffer Output { get; } = new PipelineBuffer();

        /// <summary>Cancelled by <see cref="Stop"/> (Ctrl+C).</summary>
        public CancellationToken Stopping => _stop.Token;

        public bool IsStopping => _stop.IsCancellationRequested;

        /// <summary>Called from StopProcessing, on another thread: every wait and request observes it.</summary>
        public void Stop()
        {
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>Progress as of now, or null when there is nothing to show.</summary>
        protected abstract ProgressInfo? CurrentProgress();

        /// <summary>Writes buffered output and progress: as soon as there is some, then at most every 250 ms. Pipeline thread only.</summary>
        protected void Pump()
        {
            Output.DrainTo(Sink);
            // The first record goes out at once: a run shorter than the interval (the engine's own is often) still shows it ran.
            if (!_progressShown || _sinceProgress.Elapsed >= ProgressInterval)
            {
                _sinceProgress.Restart();
                var progress = CurrentProgress();
                if (progress != null)
                {
                    _progressShown = true;
                    Sink.WriteProgress(progress);
                }
            }
        }

        /// <summary>Waits in short slices (so Ctrl+C is prompt) and pumps until <paramref name="done"/> or a stop.</summary>
        protected void PumpUntil(Func<bool> done)
        {
            while (!done() && !IsStopping)
            {
                Output.WaitForOutput(WaitSlice, Stopping);
                Pump();
            }

            Output.DrainTo(Sink);
        }

        /// <summary>Removes the progress bar once the work is over.</summary>
        protected void CompleteProgress()
        {
            if (!_progressShown) return;
            var progress = CurrentProgress();
            if (progress == null) return;
            progress.Completed = true;
            Sink.WriteProgress(progress);
        }

        public virtual void Dispose()
        {
            _stop.Dispose();
        }
    }
}
