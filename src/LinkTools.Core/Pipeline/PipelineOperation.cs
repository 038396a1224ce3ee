using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Ci;

namespace LinkTools.Core.Pipeline
{
    /// <summary>
    /// The body of a cmdlet, driven from the pipeline thread: work runs on worker threads and writes to
    /// <see cref="Output"/>; <see cref="Pump"/> hands it to the sink. Follows ForEach-Object -Parallel's design:
    /// drain in ProcessRecord, wait-and-drain in EndProcessing, cancel in StopProcessing. Every operation's output
    /// takes one route: worker threads write to <see cref="Output"/>, the pump hands it on the pipeline thread to
    /// <see cref="Sink"/>, which refuses any other thread and adds the CI agent's annotations (for every operation, in
    /// this one place) before the host's sink.
    /// </summary>
    public abstract class PipelineOperation : IDisposable
    {
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);
        private static readonly TimeSpan WaitSlice = TimeSpan.FromMilliseconds(100);
        private readonly CancellationTokenSource _stop = new();
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private bool _progressShown;

        private static readonly string[] SummaryTags = { "Summary" };

        /// <param name="sink">The host's sink.</param>
        /// <param name="ci">The CI agent's annotations, or null outside CI.</param>
        protected PipelineOperation(IPipelineSink sink, CiAnnotations? ci)
        {
            Sink = new PipelineThreadSink(CiAnnotatingSink.Wrap(sink, ci));
        }

        /// <summary>Where output goes on the pipeline thread (the thread that created the operation) only.</summary>
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

        /// <summary>
        /// Pumps until <paramref name="work"/> ends or a stop, woken the moment it ends rather than at the end of a wait
        /// slice; <paramref name="afterPump"/> runs on the pipeline thread after each pass while the work goes on.
        /// </summary>
        protected void PumpUntil(Task work, Action? afterPump = null)
        {
            Output.WakeWhen(work);
            PumpUntil(() =>
            {
                if (work.IsCompleted) return true;
                afterPump?.Invoke();
                return false;
            });
        }

        /// <summary>
        /// The one way an operation's closing summary leaves: on the verbose stream, and on the information stream
        /// (tag "Summary") when <paramref name="inform"/> (the host shows it there: stderr in the CLI). Pipeline thread only.
        /// </summary>
        protected void WriteSummary(string text, bool inform)
        {
            if (inform) Sink.WriteInformation(text, SummaryTags);
            if (Sink.IsVerboseEnabled) Sink.WriteVerbose(text);
        }

        /// <summary>
        /// A summary that ends with the run's requests, its retries and the time waited on them. Retries are news the
        /// results do not carry, so a run that retried anything also writes it to the information stream.
        /// </summary>
        protected void WriteSummary(string totals, Http.FetchStatistics requests) =>
            WriteSummary($"{totals}; {requests.Requests} requests{Crawling.CrawlSummary.RetryText(requests.Retries, requests.RetryWait)}", inform: requests.Retries > 0);

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
