using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Http;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The crawl's work list: unique URLs waiting to start (pages first, so the frontier grows early; then the checks,
    /// their hosts taking turns: <see cref="HostTurns"/>), a cap on how many run at once, and the explicit count of
    /// outstanding work that ends the run. It is separate from the engine's rate
    /// limits: waiting URLs hold no slot, so a full engine never blocks adding work, and adding never blocks at all.
    /// </summary>
    internal sealed class CrawlFrontier
    {
        private readonly ConcurrentQueue<CrawlTarget> _pages = new();
        private readonly HostTurns _checks = new();
        private readonly Func<CrawlTarget, Task> _run;
        private readonly Func<bool> _holdBack;
        private readonly Func<int> _resting;
        private readonly int _maxActive;
        private readonly CancellationToken _cancellationToken;
        private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Starts at one: the seeding hold, released by CompleteSeeding. The run ends when it reaches zero.
        private int _outstanding = 1;
        private int _active;

        /// <param name="run">Does one target's work; must not throw except when cancelled.</param>
        /// <param name="maxActive">Most targets started at once (fetching, or waiting for an engine slot).</param>
        /// <param name="holdBack">True while nothing new should start (output not consumed yet); <see cref="Resume"/> restarts.</param>
        /// <param name="resting">Started targets asleep before a retry right now; they do not count toward <paramref name="maxActive"/>.</param>
        public CrawlFrontier(Func<CrawlTarget, Task> run, int maxActive, Func<bool> holdBack, Func<int> resting, CancellationToken cancellationToken)
        {
            _run = run;
            _holdBack = holdBack;
            _resting = resting;
            _maxActive = maxActive;
            _cancellationToken = cancellationToken;

            // A stop ends the run at once: waiting targets are dropped, and requests in flight see the same token.
            cancellationToken.Register(() => _completion.TrySetResult(false));
        }

        /// <summary>
        /// A frontier that keeps every slot of <paramref name="engine"/> busy (some targets wait on per-host gates), where a
        /// target asleep before its retry makes room for another: a site with many permanent 500s is not crawled at the pace of their retry waits.
        /// </summary>
        public static CrawlFrontier For(FetchEngine engine, Func<CrawlTarget, Task> run, Func<bool> holdBack, CancellationToken cancellationToken)
        {
            var frontier = new CrawlFrontier(run, Math.Max(64, engine.Options.ThrottleLimit * 4), holdBack, () => engine.WaitingToRetry, cancellationToken);
            engine.RetryWaitStarted += frontier.Resume;
            return frontier;
        }

        /// <summary>Completes when seeding is over and every added target has finished, or at a stop.</summary>
        public Task Completion => _completion.Task;

        /// <summary>Targets added and not started yet.</summary>
        public int Waiting => _pages.Count + _checks.Count;

        public void Add(CrawlTarget target)
        {
            Interlocked.Increment(ref _outstanding);
            if (target.Role == TargetRole.Page) _pages.Enqueue(target);
            else _checks.Enqueue(target);
            Dispatch();
        }

        /// <summary>Called once, when no more seeds will come; from then on only running targets add work.</summary>
        public void CompleteSeeding() => Release();

        /// <summary>Starts waiting targets again after a hold-back (called by whoever consumes the output).</summary>
        public void Resume() => Dispatch();

        private void Dispatch()
        {
            while (!_cancellationToken.IsCancellationRequested && !_holdBack())
            {
                if (Interlocked.Increment(ref _active) - _resting() > _maxActive)
                {
                    // Every slot holder dispatches again when it finishes, so nothing is stranded.
                    Interlocked.Decrement(ref _active);
                    return;
                }

                if (_pages.TryDequeue(out var target) || _checks.TryDequeue(out target))
                {
                    _ = Task.Run(() => RunOneAsync(target));
                    continue;
                }

                Interlocked.Decrement(ref _active);

                // Something may have been added between the empty look and giving the slot back.
                if (_pages.IsEmpty && _checks.IsEmpty) return;
            }
        }

        private async Task RunOneAsync(CrawlTarget target)
        {
            try
            {
                await _run(target).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _active);
                Dispatch();
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Decrement(ref _outstanding) == 0) _completion.TrySetResult(true);
        }
    }
}
