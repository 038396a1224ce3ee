using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>Per-host gates: a concurrency limit, an optional politeness delay, and parking when a host says wait.</summary>
    internal sealed class HostThrottle
    {
        private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
        private readonly int _limit;
        private readonly TimeSpan _delay;

        public HostThrottle(int limit, TimeSpan delay)
        {
            _limit = limit;
            _delay = delay;
        }

        public HostGate For(Uri uri) => _gates.GetOrAdd(uri.Authority, _ => new HostGate(_limit, _delay));

        /// <summary>Sets a politeness delay for one host (for example a robots.txt Crawl-delay).</summary>
        public void SetDelay(Uri uri, TimeSpan delay) => For(uri).Delay = delay;
    }

    internal sealed class HostGate
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();
        private readonly SemaphoreSlim _slots;
        private readonly object _startLock = new();
        private long _parkedUntilTicks;
        private long _nextStartTicks;

        public HostGate(int limit, TimeSpan delay)
        {
            _slots = new SemaphoreSlim(limit, limit);
            Delay = delay;
        }

        public TimeSpan Delay { get; set; }

        /// <summary>Waits (without holding a slot) until the host is not parked, then takes a slot.</summary>
        public async Task EnterAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                await WaitWhileParkedAsync(cancellationToken).ConfigureAwait(false);
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                if (ParkedFor() <= TimeSpan.Zero)
                {
                    break;
                }

                // Parked while we queued: give the slot back so the wait holds nothing.
                _slots.Release();
            }

            try
            {
                await WaitForStartSlotAsync(cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                _slots.Release();
                throw;
            }
        }

        public void Exit() => _slots.Release();

        /// <summary>Holds every queued request for this host until <paramref name="duration"/> has passed.</summary>
        public void Park(TimeSpan duration)
        {
            long until = Clock.Elapsed.Ticks + duration.Ticks;
            long current;
            do
            {
                current = Interlocked.Read(ref _parkedUntilTicks);
                if (current >= until) return;
            }
            while (Interlocked.CompareExchange(ref _parkedUntilTicks, until, current) != current);
        }

        private TimeSpan ParkedFor() =>
            TimeSpan.FromTicks(Interlocked.Read(ref _parkedUntilTicks) - Clock.Elapsed.Ticks);

        private async Task WaitWhileParkedAsync(CancellationToken cancellationToken)
        {
            TimeSpan wait;
            while ((wait = ParkedFor()) > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
            }
        }

        private Task WaitForStartSlotAsync(CancellationToken cancellationToken)
        {
            if (Delay <= TimeSpan.Zero) return Task.CompletedTask;

            long start;
            lock (_startLock)
            {
                long now = Clock.Elapsed.Ticks;
                start = Math.Max(now, _nextStartTicks);
                _nextStartTicks = start + Delay.Ticks;
            }

            var wait = TimeSpan.FromTicks(start - Clock.Elapsed.Ticks);
            return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
        }
    }
}
