using System.Globalization;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Says when MaxConcurrencyPerHost, not ThrottleLimit, held a run back: most requests queued for a slot of their
    /// host while the run as a whole had room. Without it, `--throttle-limit 100` over one host runs 10 at a time
    /// without a word.
    /// </summary>
    public static class HostCapNotice
    {
        /// <summary>Fewer requests than this say too little about a run to be worth a warning.</summary>
        public const int MinimumRequests = 50;

        /// <summary>The warning for a finished run, or null when the per-host cap did not hold it back for most of its requests.</summary>
        public static string? For(FetchEngine engine)
        {
            var options = engine.Options;
            long requests = engine.Statistics.Requests;
            long held = engine.Statistics.HeldByHostCap;
            if (options.ThrottleLimit <= options.MaxConcurrencyPerHost || requests < MinimumRequests || held * 2 < requests) return null;

            return string.Format(CultureInfo.InvariantCulture,
                "{0} of {1} requests waited for a free slot on their host while the run had room for more: -MaxConcurrencyPerHost ({2}), " +
                "not -ThrottleLimit ({3}), set the pace. Raise -MaxConcurrencyPerHost if the servers can take more requests at once.",
                held, requests, options.MaxConcurrencyPerHost, options.ThrottleLimit);
        }
    }
}
