using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Holds a request at its host's gate (MaxConcurrencyPerHost, -DelaySec or a robots.txt Crawl-delay, a parked or
    /// failing host), and tells the gate how the request went, so the gate knows when the host is down.
    /// </summary>
    internal sealed class HostGateStage : FetchStage
    {
        private readonly HostThrottle _hosts;
        private readonly FetchStatistics _statistics;
        private readonly Func<bool> _globalHasRoom;

        public HostGateStage(HostThrottle hosts, FetchStatistics statistics, Func<bool> globalHasRoom)
        {
            _hosts = hosts;
            _statistics = statistics;
            _globalHasRoom = globalHasRoom;
        }

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            var gate = _hosts.For(call.Uri);
            var waited = Stopwatch.StartNew();
            call.IsProbe = await gate.EnterAsync(cancellationToken, HeldByCap).ConfigureAwait(false);
            if (call.Retry > 0) _statistics.AddRetryWait(waited.Elapsed);

            bool? failed = null;
            try
            {
                var outcome = await Next.SendAsync(call, cancellationToken).ConfigureAwait(false);
                failed = HostFailed(outcome);
                return outcome;
            }
            finally
            {
                gate.Exit(call.IsProbe, failed);
            }
        }

        private void HeldByCap()
        {
            if (_globalHasRoom()) _statistics.CountHeldByHostCap();
        }

        /// <summary>
        /// True when the host failed (5xx, 408, reset, timeout); false when it answered (a 404 or a 429 is an answer);
        /// null when the outcome says nothing about the host being up (refused by policy, DNS, TLS, refused connection).
        /// </summary>
        private static bool? HostFailed(FetchOutcome outcome)
        {
            if (outcome.IsTransient) return outcome.StatusCode != 429 && outcome.RetryAfter == null;
            return outcome.StatusCode.HasValue ? false : null;
        }
    }
}
