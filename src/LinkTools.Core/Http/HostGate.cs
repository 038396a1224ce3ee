using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// One host's gate: a concurrency limit (urgent requests served first), an optional politeness delay, parking when the
    /// host says wait (Retry-After), and outage handling: when the host fails most of its recent requests, it is parked,
    /// one request at a time probes it (after 250 ms, then doubling up to the cap), and its queue resumes when a probe is
    /// answered.
    /// </summary>
    internal sealed class HostGate
    {
        private static readonly Stopwatch Clock = Stopwatch.StartNew();
        private readonly PrioritySlots _slots;
        private readonly object _lock = new();
        private readonly OutagePolicy? _outages;
        private readonly HostHealth _health = new();
        private long _parkedUntilTicks;
        private long _nextStartTicks;
        private bool _outage;
        private long _outageSinceTicks;
        private TimeSpan _probeInterval;
        private TaskCompletionSource<bool>? _probe;
        private long _noOutageUntilTicks;

        public HostGate(int limit, TimeSpan delay, OutagePolicy? outages)
        {
            _slots = new PrioritySlots(limit);
            Delay = delay;
            _outages = outages;
        }

        public TimeSpan Delay { get; set; }

        /// <summary>True while the host is down: parked, and probed before its queue goes on.</summary>
        public bool InOutage
        {
            get { lock (_lock) return _outage; }
        }

        /// <summary>How long the current outage has lasted (zero when there is none).</summary>
        public TimeSpan OutageFor
        {
            get { lock (_lock) return _outage ? TimeSpan.FromTicks(Now - _outageSinceTicks) : TimeSpan.Zero; }
        }

        /// <summary>The host answered other requests in the last seconds: a failure now is more likely the URL's own.</summary>
        public bool AnsweredRecently
        {
            get { lock (_lock) return _health.Answers(Now) > 0; }
        }

        /// <summary>
        /// Waits (holding nothing) while the host is parked or being probed, then takes a slot. Returns true when this
        /// request is the probe of a host in an outage: the caller must report how it went with <see cref="Exit"/>.
        /// </summary>
        /// <param name="urgent">Served before the other requests queued for a slot (<see cref="FetchCall.Urgent"/>).</param>
        /// <param name="heldByCap">Called when the request has to queue for a slot of this host.</param>
        public async Task<bool> EnterAsync(bool urgent, CancellationToken cancellationToken, Action? heldByCap = null)
        {
            while (true)
            {
                await WaitWhileParkedAsync(cancellationToken).ConfigureAwait(false);
                Task? probeRunning = null;
                bool probe = false;
                lock (_lock)
                {
                    if (_outage)
                    {
                        if (_probe != null) probeRunning = _probe.Task;
                        else if (ParkedFor() <= TimeSpan.Zero)
                        {
                            _probe = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                            probe = true;
                        }
                    }
                }

                if (probeRunning != null)
                {
                    await WhenDoneAsync(probeRunning, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                if (!probe && ParkedFor() > TimeSpan.Zero) continue;

                try
                {
                    if (_slots.CurrentCount == 0) heldByCap?.Invoke();
                    await _slots.WaitAsync(urgent, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    if (probe) EndProbe();
                    throw;
                }

                if (!probe && Held())
                {
                    // Parked, or down, while we queued: give the slot back so the wait holds nothing.
                    _slots.Release();
                    continue;
                }

                try
                {
                    await WaitForStartSlotAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    _slots.Release();
                    if (probe) EndProbe();
                    throw;
                }

                return probe;
            }
        }

        /// <summary>Gives the slot back and records how the request went: failed (5xx, reset, timeout), answered, or unknown (null).</summary>
        public void Exit(bool probe, bool? failed)
        {
            _slots.Release();
            TaskCompletionSource<bool>? probeDone = null;
            lock (_lock)
            {
                long now = Now;
                if (failed is bool f) _health.Record(f, now);
                if (probe && _probe != null)
                {
                    probeDone = _probe;
                    _probe = null;
                }

                if (_outage && now - _outageSinceTicks > _outages!.MaxWait.Ticks)
                {
                    // Down for longer than anyone waits: stop parking, so its requests report what they get instead of
                    // draining one probe at a time; no new outage for as long again.
                    _outage = false;
                    _health.Clear();
                    _noOutageUntilTicks = now + _outages.MaxWait.Ticks;
                }
                else if (_outage)
                {
                    if (failed == false)
                    {
                        // The host answers again: its queue goes on.
                        _outage = false;
                        _health.Clear();
                    }
                    else if (probe && failed == true)
                    {
                        _probeInterval = Min(TimeSpan.FromTicks(_probeInterval.Ticks * 2), _outages!.MaxProbeInterval);
                        ParkUntil(now + _probeInterval.Ticks);
                    }
                }
                else if (failed == true && _outages != null && now >= _noOutageUntilTicks && _health.Failures(now) >= _outages.Failures && _health.Failures(now) > _health.Answers(now))
                {
                    _outage = true;
                    _outageSinceTicks = now;
                    _probeInterval = Min(_outages.FirstProbe, _outages.MaxProbeInterval);
                    ParkUntil(now + _probeInterval.Ticks);
                }
            }

            probeDone?.TrySetResult(true);
        }

        /// <summary>Holds every queued request for this host until <paramref name="duration"/> has passed.</summary>
        public void Park(TimeSpan duration)
        {
            lock (_lock) ParkUntil(Now + duration.Ticks);
        }

        private static long Now => Clock.Elapsed.Ticks;

        private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

        private void ParkUntil(long until)
        {
            if (Interlocked.Read(ref _parkedUntilTicks) < until) Interlocked.Exchange(ref _parkedUntilTicks, until);
        }

        private bool Held()
        {
            lock (_lock) return _outage || ParkedFor() > TimeSpan.Zero;
        }

        private void EndProbe()
        {
            TaskCompletionSource<bool>? probeDone;
            lock (_lock)
            {
                probeDone = _probe;
                _probe = null;
            }

            probeDone?.TrySetResult(true);
        }

        private static async Task WhenDoneAsync(Task task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false);
            }

            cancellationToken.ThrowIfCancellationRequested();
        }

        private TimeSpan ParkedFor() =>
            TimeSpan.FromTicks(Interlocked.Read(ref _parkedUntilTicks) - Now);

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
            lock (_lock)
            {
                long now = Now;
                start = Math.Max(now, _nextStartTicks);
                _nextStartTicks = start + Delay.Ticks;
            }

            var wait = TimeSpan.FromTicks(start - Now);
            return wait > TimeSpan.Zero ? Task.Delay(wait, cancellationToken) : Task.CompletedTask;
        }
    }
}
