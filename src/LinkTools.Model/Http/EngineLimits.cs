namespace LinkTools.Model.Http
{
    /// <summary>
    /// The bounds of the engine's settings: the one source for the cmdlets' [ValidateRange], the CLI's option checks
    /// and <c>EngineOptions</c>. Here, in the model, because the cmdlet assembly may name only model types
    /// (constants are compiled into the attributes as literals either way).
    /// </summary>
    public static class EngineLimits
    {
        public const int ThrottleLimitMin = 1;
        public const int ThrottleLimitMax = 1024;

        public const int MaxConcurrencyPerHostMin = 1;
        public const int MaxConcurrencyPerHostMax = 1024;

        /// <summary>The front ends take whole seconds; the engine itself accepts any positive deadline up to the maximum.</summary>
        public const int TimeoutSecMin = 1;
        public const int TimeoutSecMax = 3600;

        public const int MaximumRedirectionMin = 0;
        public const int MaximumRedirectionMax = 50;

        public const int MaximumRetryCountMin = 0;
        public const int MaximumRetryCountMax = 10;

        public const int RetryIntervalSecMin = 0;
        public const int RetryIntervalSecMax = 600;

        /// <summary>Pause between two requests to one host (-DelaySec).</summary>
        public const int DelaySecMin = 0;
        public const int DelaySecMax = 600;

        /// <summary>Body cap (-MaxPageBytes). Long, both of them: PowerShell wants one type for both bounds of a range.</summary>
        public const long MaxBodyBytesMin = 1024;

        /// <summary>1 GB: one array holds a body.</summary>
        public const long MaxBodyBytesMax = 1L << 30;

        /// <summary>What counts as an HTTP status code in -AcceptStatusCode.</summary>
        public const int StatusCodeMin = 100;
        public const int StatusCodeMax = 999;
    }
}
