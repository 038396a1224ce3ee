using System;
using System.Globalization;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>
    /// Says when checks run late and what would keep up, with the arithmetic: checks in flight = rate × latency
    /// (Little's law), where rate = sites / interval.
    /// </summary>
    public static class LagAdvisor
    {
        /// <summary>Lag above this share of the interval is worth a warning.</summary>
        public const double WarnFraction = 0.10;

        public static bool IsLate(TimeSpan lag, TimeSpan interval) => lag.TotalMilliseconds > interval.TotalMilliseconds * WarnFraction;

        public static string Advice(int sites, TimeSpan interval, double averageLatencyMs, int throttleLimit, TimeSpan p95Lag)
        {
            double rate = sites / interval.TotalSeconds;
            double inFlight = rate * averageLatencyMs / 1000.0;
            // Headroom of a half for bursts and slow answers.
            int suggested = Math.Max(throttleLimit + 1, (int)Math.Ceiling(inFlight * 1.5));
            var c = CultureInfo.InvariantCulture;
            return string.Format(c,
                "Checks are running late: p95 schedule lag is {0:0} ms, over 10% of the {1} interval. " +
                "{2} sites every {1} is {3:0.##} checks/s; at an average check time of {4:0} ms that needs " +
                "{3:0.##}/s × {5:0.###} s = {6:0.#} checks in flight, and -ThrottleLimit is {7}. " +
                "Raise -ThrottleLimit to about {8} (and -MaxConcurrencyPerHost if the sites share a host), lengthen -IntervalSec, or lower -TimeoutSec.",
                p95Lag.TotalMilliseconds, Durations.Format(interval), sites, rate, averageLatencyMs, averageLatencyMs / 1000.0, inFlight, throttleLimit, suggested);
        }
    }
}
