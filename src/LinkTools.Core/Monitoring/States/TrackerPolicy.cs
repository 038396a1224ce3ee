using System;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Monitoring.States
{
    /// <summary>How many checks confirm a change, and how often a lasting outage is repeated. Immutable; each value is checked as it is set.</summary>
    public sealed record TrackerPolicy
    {
        /// <summary>Reminders are never sent more often than this.</summary>
        public static readonly TimeSpan MinimumReminderInterval = TimeSpan.FromMinutes(5);

        private readonly int _failureThreshold = SettingDescriptions.FailureThreshold.IntDefault;
        private readonly int _successThreshold = SettingDescriptions.SuccessThreshold.IntDefault;

        public int FailureThreshold
        {
            get => _failureThreshold;
            init => _failureThreshold = SettingValidation.Between(value, SettingDescriptions.FailureThreshold, nameof(FailureThreshold));
        }

        public int SuccessThreshold
        {
            get => _successThreshold;
            init => _successThreshold = SettingValidation.Between(value, SettingDescriptions.SuccessThreshold, nameof(SuccessThreshold));
        }

        /// <summary>Null sends no reminders; shorter than five minutes counts as five minutes.</summary>
        public TimeSpan? ReminderInterval { get; init; }

        public TimeSpan? EffectiveReminderInterval =>
            ReminderInterval is TimeSpan asked ? (asked < MinimumReminderInterval ? MinimumReminderInterval : asked) : (TimeSpan?)null;
    }
}
