namespace LinkTools.Model.Monitoring
{
    /// <summary>The bounds of the watch's settings, for the cmdlet, the CLI and <c>WatchSettings</c> alike.</summary>
    public static class WatchLimits
    {
        public const int IntervalSecMin = 1;
        public const int IntervalSecMax = 86400;

        public const int RetryMin = 0;
        public const int RetryMax = 10;

        public const int FailureThresholdMin = 1;
        public const int FailureThresholdMax = 100;

        public const int SuccessThresholdMin = 1;
        public const int SuccessThresholdMax = 100;

        public const int MaxResponseTimeMsMin = 1;
        public const int MaxResponseTimeMsMax = 3600000;

        public const int MinCertificateDaysMin = 0;
        public const int MinCertificateDaysMax = 3650;

        public const int NotificationTimeoutSecMin = 1;
        public const int NotificationTimeoutSecMax = 600;

        public const int CountMin = 1;
        public const int CountMax = int.MaxValue;

        public const int DurationSecMin = 1;
        public const int DurationSecMax = int.MaxValue;

        public const int NotifyBatchSecMin = 0;
        public const int NotifyBatchSecMax = 86400;

        public const int SmtpPortMin = 1;
        public const int SmtpPortMax = 65535;
    }
}
