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
            call.IsProbe = await gate.EnterAsync(call.Urgent, cancellationToken, HeldByCap).ConfigureAwait(false);
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
        /// True when the host failed (a gateway error such as 502, 503 or 504, 408, a reset, a timeout); false when it
        /// answered (a 404 and a 429 are answers); null when the outcome says nothing either way: a 500 is the
        /// application's answer for that URL (a site with many broken pages is not down), and refusals by policy, DNS,
        /// TLS or a refused connection are not outages to wait out.
        /// </summary>
        private static bool? HostFailed(FetchOutcome outcome)
        {
            if (outcome.StatusCode == 500) return null;
            if (outcome.IsTransient) return outcome.StatusCode != 429 && outcome.RetryAfter == null;
            return outcome.StatusCode.HasValue ? false : null;
        }
    }
}
