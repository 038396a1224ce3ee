using System;
using LinkTools.Core.Checking;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>What one check of a site asks of it. Immutable; each value is checked against its description as it is set.</summary>
    public sealed record SiteCheckPolicy
    {
        private readonly int _retry = SettingDescriptions.Retry.IntDefault;
        private readonly TimeSpan? _maxResponseTime;
        private readonly int _minCertificateDays = SettingDescriptions.MinCertificateDays.IntDefault;

        /// <summary>How each answer is judged: the status codes accepted beside -ExpectStatus (-AcceptStatusCode), and the method (the front ends leave it at HEAD confirmed by GET).</summary>
        public CheckPolicy Answers { get; init; } = CheckPolicy.Default;

        /// <summary>Extra attempts inside one check that confirm a failure before it counts.</summary>
        public int Retry
        {
            get => _retry;
            init => _retry = SettingValidation.Between(value, SettingDescriptions.Retry, nameof(Retry));
        }

        /// <summary>Slower answers are Degraded; null for no limit. May be finer than the front ends' milliseconds; only its sign and upper bound are held to the description.</summary>
        public TimeSpan? MaxResponseTime
        {
            get => _maxResponseTime;
            init => _maxResponseTime = value is TimeSpan slow
                ? SettingValidation.Span(slow, TimeSpan.FromMilliseconds(SettingDescriptions.MaxResponseTimeMs.Max), positive: true, nameof(MaxResponseTime))
                : (TimeSpan?)null;
        }

        /// <summary>A certificate expiring within this many days is Degraded (expired is Down); 0 turns the probe off.</summary>
        public int MinCertificateDays
        {
            get => _minCertificateDays;
            init => _minCertificateDays = SettingValidation.Between(value, SettingDescriptions.MinCertificateDays, nameof(MinCertificateDays));
        }

        /// <summary>How long a certificate's expiry, once read, is trusted before the next probe.</summary>
        public TimeSpan CertificateCacheTime { get; init; } = TimeSpan.FromHours(1);
    }
}
