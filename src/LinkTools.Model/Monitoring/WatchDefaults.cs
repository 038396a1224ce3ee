using LinkTools.Model.Monitoring.Notifications;

namespace LinkTools.Model.Monitoring
{
    /// <summary>
    /// The watch's defaults, for the cmdlet's parameter initializers, the CLI's option defaults and the engine's own
    /// settings alike. Here, next to <see cref="WatchLimits"/>, because the cmdlet assembly may name only model types.
    /// </summary>
    public static class WatchDefaults
    {
        public const int IntervalSec = 60;

        /// <summary>A watch waits longer for an answer than a link check does (the engine's own default is 20).</summary>
        public const int TimeoutSec = 30;

        public const int Retry = 1;

        /// <summary>The engine's own retries inside each attempt: off, so every request shows in the attempt log (-Retry confirms failures).</summary>
        public const int MaximumRetryCount = 0;

        /// <summary>The pause between -Retry attempts (the engine's own default is 1).</summary>
        public const int RetryIntervalSec = 2;

        public const int FailureThreshold = 2;

        public const int SuccessThreshold = 1;

        public const int MinCertificateDays = 14;

        /// <summary>0: each alerted change is notified on its own.</summary>
        public const int NotifyBatchSec = 0;

        public const int NotificationTimeoutSec = 30;

        public const WebhookFormat WebhookFormat = Notifications.WebhookFormat.Json;

        public const int SmtpPort = 25;
    }
}
