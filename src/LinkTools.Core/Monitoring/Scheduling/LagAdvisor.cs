using System;
using System.Globalization;
using LinkTools.Core.Http;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

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

        /// <param name="averageCheckMs">Average wall time of a whole check (retries and their pauses included).</param>
        /// <param name="saturated">Every slot is busy right now: checks that have not finished yet (timeouts) are
        /// missing from the average, so the throttle is the bottleneck whatever the average says.</param>
        public static string Advice(int sites, TimeSpan interval, double averageCheckMs, int throttleLimit, TimeSpan p95Lag, bool saturated = false)
        {
            double rate = sites / interval.TotalSeconds;
            double inFlight = rate * averageCheckMs / 1000.0;
            var c = CultureInfo.InvariantCulture;
            string arithmetic = string.Format(c,
                "Checks are running late: p95 schedule lag is {0:0} ms, over 10% of the {1} interval. " +
                "{2} sites every {1} is {3:0.##} checks/s; at an average check time of {4:0} ms that needs " +
                "{3:0.##}/s × {5:0.###} s = {6:0.#} checks in flight, and -ThrottleLimit is {7}. ",
                p95Lag.TotalMilliseconds, Durations.Format(interval), sites, rate, averageCheckMs, averageCheckMs / 1000.0, inFlight, throttleLimit);

            if (inFlight * 1.2 >= throttleLimit || saturated)
            {
                // Headroom of a half for bursts and slow answers; when saturated the average is too low, so at least double.
                double suggested = Math.Max(saturated ? throttleLimit * 2.0 : throttleLimit + 1, Math.Ceiling(inFlight * 1.5));
                string busy = saturated ? string.Format(c, "All {0} slots are busy now, with checks still waiting for answers. ", throttleLimit) : "";
                if (suggested > SettingDescriptions.ThrottleLimit.Max)
                {
                    // Advice to go past the bound would only earn a parameter error.
                    return arithmetic + busy + string.Format(c,
                        "That is more than -ThrottleLimit allows ({0}): lengthen -IntervalSec, lower -TimeoutSec, or split the sites across several watches.",
                        SettingDescriptions.ThrottleLimit.Max);
                }

                return arithmetic + busy + string.Format(c,
                    "Raise -ThrottleLimit to about {0} (and -MaxConcurrencyPerHost if the sites share a host), lengthen -IntervalSec, or lower -TimeoutSec.",
                    suggested);
            }

            return arithmetic + "That is enough slots, so the lag comes from checks that outlast the interval (timeouts, -Retry pauses) " +
                "or from -MaxConcurrencyPerHost when many sites share a host: lengthen -IntervalSec, lower -TimeoutSec or -Retry, or raise -MaxConcurrencyPerHost.";
        }
    }
}
