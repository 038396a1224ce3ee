using System;
using System.Collections.Concurrent;

namespace LinkTools.Core.Http
{
    /// <summary>The per-host gates of one engine, by host:port.</summary>
    internal sealed class HostThrottle
    {
        private readonly ConcurrentDictionary<string, HostGate> _gates = new(StringComparer.OrdinalIgnoreCase);
        private readonly int _limit;
        private readonly TimeSpan _delay;
        private readonly OutagePolicy? _outages;

        /// <param name="outages">How a failing host is parked and probed; null never parks for failures (only for Retry-After).</param>
        public HostThrottle(int limit, TimeSpan delay, OutagePolicy? outages)
        {
            _limit = limit;
            _delay = delay;
            _outages = outages;
        }

        public HostGate For(Uri uri) => _gates.GetOrAdd(uri.Authority, _ => new HostGate(_limit, _delay, _outages));

        /// <summary>Sets a politeness delay for one host (for example a robots.txt Crawl-delay).</summary>
        public void SetDelay(Uri uri, TimeSpan delay) => For(uri).Delay = delay;
    }

    /// <summary>When a host counts as down, and how it is probed meanwhile.</summary>
    internal sealed class OutagePolicy
    {
        /// <summary>Probes are never closer than this, even with a RetryInterval of 0.</summary>
        public static readonly TimeSpan MinProbeInterval = TimeSpan.FromMilliseconds(50);

        /// <summary>Failures (5xx, resets, timeouts) within <see cref="HostHealth.Window"/>, and more of them than answers, make an outage.</summary>
        public int Failures { get; set; } = 3;

        /// <summary>The first probe goes this long after the outage starts; each failed probe doubles it, up to <see cref="MaxProbeInterval"/>.</summary>
        public TimeSpan FirstProbe { get; set; } = TimeSpan.FromMilliseconds(250);

        public TimeSpan MaxProbeInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>A request waits for a host that is down at most this long; then its failure is reported.</summary>
        public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);
    }
}
