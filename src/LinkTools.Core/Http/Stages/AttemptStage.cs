using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>One attempt: its deadline (TimeoutSec, covering every redirect hop and any body read), and the count of requests on the wire.</summary>
    internal sealed class AttemptStage : FetchStage
    {
        private readonly TimeSpan _timeout;
        private readonly FetchStatistics _statistics;
        private readonly Action<string>? _log;
        private int _inFlight;

        public AttemptStage(TimeSpan timeout, FetchStatistics statistics, Action<string>? log)
        {
            _timeout = timeout;
            _statistics = statistics;
            _log = log;
        }

        public int InFlight => Volatile.Read(ref _inFlight);

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            call.Chain = new List<Uri> { call.Uri };
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_timeout);
            Interlocked.Increment(ref _inFlight);
            _statistics.CountRequest(call.Retry > 0);
            try
            {
                return await Next.SendAsync(call, deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var current = call.Chain[call.Chain.Count - 1];
                _log?.Invoke($"{call.Method.Method} {Urls.UrlText.Redact(current)} timed out after {Durations.Format(_timeout)}");
                var outcome = new FetchOutcome { FinalUri = current, RedirectChain = call.Chain, Method = call.Method.Method };
                return outcome.Fail(FailureKind.Timeout, "timed out after " + Durations.Format(_timeout), transient: true);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
