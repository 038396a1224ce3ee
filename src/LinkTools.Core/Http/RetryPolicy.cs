using System;
using System.Net.Http;
using System.Threading;

namespace LinkTools.Core.Http
{
    /// <summary>Which failures are worth another attempt, and how long to wait before it.</summary>
    internal sealed class RetryPolicy
    {
        /// <summary>The first prompt retry waits about this long (jittered); each further one twice as long.</summary>
        internal static readonly TimeSpan PromptBase = TimeSpan.FromMilliseconds(250);

        private static int _seed = Environment.TickCount;
        private static readonly ThreadLocal<Random> Jitter = new(() => new Random(Interlocked.Increment(ref _seed)));
        private readonly EngineOptions _options;

        public RetryPolicy(EngineOptions options) => _options = options;

        public static bool IsTransientStatus(int status) =>
            status == 408 || status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);

        /// <summary>The upper bound of the wait before retry <paramref name="retry"/>: RetryInterval doubled per retry, at most 2 minutes.</summary>
        public TimeSpan Ceiling(int retry) =>
            TimeSpan.FromMilliseconds(Math.Min(_options.RetryInterval.TotalMilliseconds * Math.Pow(2, Math.Max(0, retry - 1)), TimeSpan.FromMinutes(2).TotalMilliseconds));

        /// <summary>Exponential backoff from the retry interval with ±25 % jitter, so retries do not arrive in lockstep (rate limits without Retry-After).</summary>
        public TimeSpan Backoff(int retry) => Scale(Ceiling(retry), 0.75, 0.5);

        /// <summary>
        /// A retry of a server error, reset or timeout: hundreds of milliseconds (250 ms doubled per retry, jittered
        /// between 60 and 140 %), never more than <see cref="Ceiling"/>. Such a failure is either the URL's own (a
        /// prompt second answer confirms it) or the host's (the host gate parks it), so a long wait buys nothing.
        /// </summary>
        public TimeSpan Prompt(int retry)
        {
            var ceiling = Ceiling(retry);
            var prompt = Scale(TimeSpan.FromTicks(PromptBase.Ticks << Math.Min(10, Math.Max(0, retry - 1))), 0.6, 0.8);
            return prompt < ceiling ? prompt : ceiling;
        }

        private static TimeSpan Scale(TimeSpan value, double from, double span) =>
            TimeSpan.FromMilliseconds(value.TotalMilliseconds * (from + Jitter.Value!.NextDouble() * span));

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
