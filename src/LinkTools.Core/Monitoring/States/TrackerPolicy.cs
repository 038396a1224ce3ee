using System;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Monitoring.States
{
    /// <summary>How many checks confirm a change, and how often a lasting outage is repeated.</summary>
    public sealed class TrackerPolicy
    {
        /// <summary>Reminders are never sent more often than this.</summary>
        public static readonly TimeSpan MinimumReminderInterval = TimeSpan.FromMinutes(5);

        public int FailureThreshold { get; set; } = SettingDescriptions.FailureThreshold.IntDefault;

        public int SuccessThreshold { get; set; } = SettingDescriptions.SuccessThreshold.IntDefault;

        /// <summary>Null sends no reminders; shorter than five minutes counts as five minutes.</summary>
        public TimeSpan? ReminderInterval { get; set; }

        public TimeSpan? EffectiveReminderInterval =>
            ReminderInterval is TimeSpan asked ? (asked < MinimumReminderInterval ? MinimumReminderInterval : asked) : (TimeSpan?)null;
    }
}
