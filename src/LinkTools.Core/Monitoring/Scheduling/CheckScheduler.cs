using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>
    /// One due-time queue for every site. Fixed rate: a site's next slot is its previous slot plus the interval,
    /// so checks never drift; a slot that passed while the previous check still ran is merged into the next, never
    /// queued up. At most <see cref="ScheduleOptions.MaxInFlight"/> checks run at once, and each records its lag.
    /// </summary>
    public sealed class CheckScheduler
    {
        private sealed class Entry
        {
            public Entry(WatchSite site) => Site = site;

            public WatchSite Site { get; }
            public int Done;
        }

        private readonly ScheduleOptions _options;
        private readonly Func<ScheduledCheck, CancellationToken, Task> _runCheck;
        private readonly DueQueue<Entry> _queue = new();
        private readonly SemaphoreSlim _wake = new(0);
        private readonly SemaphoreSlim _slots;
        private readonly TaskCompletionSource<bool> _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly Stopwatch _clock = new();
        private int _active;
        private bool _loopDone;

        /// <param name="runCheck">Runs one check; must not throw except when cancelled.</param>
        public CheckScheduler(IEnumerable<WatchSite> sites, ScheduleOptions options, Func<ScheduledCheck, CancellationToken, Task> runCheck)
        {
            if (options.Interval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(options), "The interval must be positive.");
            _options = options;
            _runCheck = runCheck;
            _slots = new SemaphoreSlim(Math.Max(1, options.MaxInFlight));
            foreach (var site in sites)
            {
                SiteCount++;
                _queue.Enqueue(new Entry(site), options.Spread ? StableSpread.Offset(site.Key, options.Interval) : TimeSpan.Zero);
            }
        }

        public int SiteCount { get; }

        public LagRecorder Lags { get; } = new LagRecorder();

        /// <summary>Checks running now.</summary>
        public int Active => Volatile.Read(ref _active);

        /// <summary>Runs until every site has had its rounds, the duration is over, or <paramref name="cancellationToken"/> fires; then waits for running checks.</summary>
        public async Task RunAsync(CancellationToken cancellationToken)
        {
            _clock.Start();
            try
            {
                await LoopAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                lock (_queue)
                {
                    _loopDone = true;
                    if (_active == 0) _drained.TrySetResult(true);
                }
            }

            await _drained.Task.ConfigureAwait(false);
        }

        private async Task LoopAsync(CancellationToken cancellationToken)
        {
            var interval = _options.Interval;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Entry entry;
                TimeSpan due;
                lock (_queue)
                {
                    if (!_queue.TryPeek(out entry, out due))
                    {
                        if (_active == 0) return;
                        entry = null!;
                    }
                }

                if (entry == null)
                {
                    await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var wait = due - _clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    // Woken early when a finished check queues a slot that may be sooner.
                    await _wake.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                lock (_queue) _queue.Dequeue();

                // A late slot is merged with any that passed meanwhile: run once, for the latest slot.
                var now = _clock.Elapsed;
                int missed = (int)((now - due).Ticks / interval.Ticks);
                var slot = due + TimeSpan.FromTicks(missed * interval.Ticks);
                if (_options.Duration is TimeSpan duration && slot >= duration) continue;

                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var lag = _clock.Elapsed - slot;
                Lags.Record(lag);
                int round = entry.Done + 1;
                lock (_queue) _active++;
                var check = new ScheduledCheck(entry.Site, round, slot, lag, missed, _slots);
                // On the thread pool, so a check that completes synchronously never holds up the loop.
                _ = Task.Run(() => RunOneAsync(entry, check, cancellationToken));
            }
        }

        private async Task RunOneAsync(Entry entry, ScheduledCheck check, CancellationToken cancellationToken)
        {
            try
            {
                await _runCheck(check, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            finally
            {
                _slots.Release();
                lock (_queue)
                {
                    entry.Done++;
                    var next = check.Slot + _options.Interval;
                    bool more = (_options.Rounds is not int rounds || entry.Done < rounds)
                        && (_options.Duration is not TimeSpan duration || next < duration)
                        && !cancellationToken.IsCancellationRequested;
                    if (more) _queue.Enqueue(entry, next);
                    _active--;
                    if (_loopDone && _active == 0) _drained.TrySetResult(true);
                }

                _wake.Release();
            }
        }
    }
}
