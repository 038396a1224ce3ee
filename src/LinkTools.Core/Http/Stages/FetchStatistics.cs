using System;
using System.Threading;

namespace LinkTools.Core.Http
{
    /// <summary>What the request path did in a run: requests, retries and their waits, and waits at the per-host cap.</summary>
    public sealed class FetchStatistics
    {
        private long _requests;
        private long _retries;
        private long _retryWaitTicks;
        private long _heldByHostCap;

        /// <summary>Attempts sent (each redirect chain counts once).</summary>
        public long Requests => Interlocked.Read(ref _requests);

        /// <summary>Attempts that were retries of an earlier one.</summary>
        public long Retries => Interlocked.Read(ref _retries);

        /// <summary>Time requests spent waiting to be retried (backoff, Retry-After, a parked host), summed over requests.</summary>
        public TimeSpan RetryWait => TimeSpan.FromTicks(Interlocked.Read(ref _retryWaitTicks));

        /// <summary>Attempts that queued for their host's cap (MaxConcurrencyPerHost) while the global limit had room.</summary>
        public long HeldByHostCap => Interlocked.Read(ref _heldByHostCap);

        internal void CountRequest(bool retry)
        {
            Interlocked.Increment(ref _requests);
            if (retry) Interlocked.Increment(ref _retries);
        }

        internal void AddRetryWait(TimeSpan wait)
        {
            if (wait > TimeSpan.Zero) Interlocked.Add(ref _retryWaitTicks, wait.Ticks);
        }

        internal void CountHeldByHostCap() => Interlocked.Increment(ref _heldByHostCap);
    }
}
