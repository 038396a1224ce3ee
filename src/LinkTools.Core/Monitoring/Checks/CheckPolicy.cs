using System;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>What one check of a site asks of it.</summary>
    public sealed class CheckPolicy
    {
        /// <summary>Extra attempts inside one check that confirm a failure before it counts.</summary>
        public int Retry { get; set; } = SettingDescriptions.Retry.IntDefault;

        /// <summary>Slower answers are Degraded; null for no limit.</summary>
        public TimeSpan? MaxResponseTime { get; set; }

        /// <summary>A certificate expiring within this many days is Degraded (expired is Down); 0 turns the probe off.</summary>
        public int MinCertificateDays { get; set; } = SettingDescriptions.MinCertificateDays.IntDefault;

        /// <summary>How long a certificate's expiry, once read, is trusted before the next probe.</summary>
        public TimeSpan CertificateCacheTime { get; set; } = TimeSpan.FromHours(1);
    }
}
