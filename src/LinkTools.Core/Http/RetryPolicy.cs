using System;
using System.Net.Http;
using System.Threading;

namespace LinkTools.Core.Http
{
    /// <summary>Which failures are worth another attempt, and how long to wait before it.</summary>
    internal sealed class RetryPolicy
    {
        private static int _seed = Environment.TickCount;
        private static readonly ThreadLocal<Random> Jitter = new(() => new Random(Interlocked.Increment(ref _seed)));
        private readonly EngineOptions _options;

        public RetryPolicy(EngineOptions options) => _options = options;

        public static bool IsTransientStatus(int status) =>
            status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);

        /// <summary>Exponential backoff from the retry interval with ±25 % jitter, so retries do not arrive in lockstep.</summary>
        public TimeSpan Backoff(int attempt)
        {
            double baseMs = _options.RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
            double jitter = 0.75 + Jitter.Value!.NextDouble() * 0.5;
            return TimeSpan.FromMilliseconds(Math.Min(baseMs * jitter, TimeSpan.FromMinutes(2).TotalMilliseconds));
        }

        /// <summary>Reads Retry-After as seconds or an HTTP date.</summary>
        public static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }

            return null;
        }
    }
}
