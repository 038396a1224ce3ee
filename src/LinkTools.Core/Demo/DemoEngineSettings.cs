using System;
using LinkTools.Core.Http;

namespace LinkTools.Core.Demo
{
    /// <summary>
    /// The engine timings for runs against the demo site, in one place for `linktools demo`, `linktools crawl --demo`,
    /// Test-Link -Demo and Invoke-SiteCrawl -Demo. The site answers on loopback (its slowest page in 300 ms), so a
    /// short deadline and short retry pauses keep a demo run to seconds, its failing server included.
    /// </summary>
    public static class DemoEngineSettings
    {
        public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

        public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(200);

        /// <summary><paramref name="options"/> with the demo's timings, except those the user gave: what was asked for wins over the demo's defaults.</summary>
        public static EngineOptions Apply(EngineOptions options, bool timeoutGiven = false, bool retryIntervalGiven = false) => options with
        {
            Timeout = timeoutGiven ? options.Timeout : Timeout,
            RetryInterval = retryIntervalGiven ? options.RetryInterval : RetryInterval,
        };
    }
}
