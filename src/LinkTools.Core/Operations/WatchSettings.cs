using System;
using System.Collections.Generic;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Settings;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Operations
{
    /// <summary>What Watch-Website and `linktools watch` were asked to do.</summary>
    public sealed class WatchSettings
    {
        /// <summary>
        /// The engine the run uses (one per run). Its retries (MaximumRetryCount, off by default here) happen inside each
        /// attempt and are counted in the attempt log; its RetryInterval is also the pause between -Retry attempts.
        /// </summary>
        public EngineOptions Engine { get; set; } = new EngineOptions
        {
            Timeout = TimeSpan.FromSeconds(SettingDescriptions.WatchTimeoutSec.IntDefault),
            MaximumRetryCount = SettingDescriptions.WatchMaximumRetryCount.IntDefault,
            RetryInterval = TimeSpan.FromSeconds(SettingDescriptions.WatchRetryIntervalSec.IntDefault),
        };

        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(SettingDescriptions.IntervalSec.IntDefault);

        public CheckPolicy Checks { get; set; } = new CheckPolicy();

        public TrackerPolicy States { get; set; } = new TrackerPolicy();

        /// <summary>Checks per site; null runs until stopped (or <see cref="Duration"/>).</summary>
        public int? Count { get; set; }

        public TimeSpan? Duration { get; set; }

        /// <summary>One round, all sites at once, compared with the state the last run saved (-Once -StatePath).</summary>
        public bool Once { get; set; }

        public string? StatePath { get; set; }

        /// <summary>False reads <see cref="StatePath"/> but never writes it (-WhatIf, or a declined -Confirm).</summary>
        public bool SaveState { get; set; } = true;

        public string? HistoryPath { get; set; }

        /// <summary>Write every check result, not only state changes.</summary>
        public bool PassThru { get; set; }

        public Uri? CanaryUri { get; set; }

        /// <summary>Maintenance windows for sites that do not bring their own.</summary>
        public IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; set; } = Array.Empty<MaintenanceWindow>();

        /// <summary>Alerted changes that land within this window are notified together.</summary>
        public TimeSpan NotifyBatch { get; set; } = TimeSpan.FromSeconds(SettingDescriptions.NotifyBatch.IntDefault);

        /// <summary>A predicate over each answered check, run on the pipeline thread (-Condition); false makes the check Down.</summary>
        public Func<SiteCheckResult, bool>? Condition { get; set; }

        public IList<IStateChangeNotifier> Notifiers { get; } = new List<IStateChangeNotifier>();

        /// <summary>How long a built-in notifier may take per batch, retries included.</summary>
        public TimeSpan NotifierTimeout { get; set; } = TimeSpan.FromSeconds(SettingDescriptions.NotificationTimeoutSec.IntDefault);

        /// <summary>Error lines for sites that go Down, for the CI agent running the watch; null outside CI.</summary>
        public LinkTools.Core.Ci.CiAnnotations? Ci { get; set; }

        /// <summary>
        /// Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range, the engine's included.
        /// Durations may be finer than the front ends' whole units (tests run on short intervals); only their upper bounds
        /// and signs are held to the settings' descriptions.
        /// </summary>
        public void Validate()
        {
            SettingChecks.Span(Interval, TimeSpan.FromSeconds(SettingDescriptions.IntervalSec.Max), positive: true, nameof(Interval));
            SettingChecks.Between(Checks.Retry, SettingDescriptions.Retry, nameof(CheckPolicy.Retry));
            SettingChecks.Between(States.FailureThreshold, SettingDescriptions.FailureThreshold, nameof(TrackerPolicy.FailureThreshold));
            SettingChecks.Between(States.SuccessThreshold, SettingDescriptions.SuccessThreshold, nameof(TrackerPolicy.SuccessThreshold));
            SettingChecks.Between(Checks.MinCertificateDays, SettingDescriptions.MinCertificateDays, nameof(CheckPolicy.MinCertificateDays));
            if (Checks.MaxResponseTime is TimeSpan slow) SettingChecks.Span(slow, TimeSpan.FromMilliseconds(SettingDescriptions.MaxResponseTimeMs.Max), positive: true, nameof(CheckPolicy.MaxResponseTime));
            if (Count is int count) SettingChecks.Between(count, SettingDescriptions.Count, nameof(Count));
            if (Duration is TimeSpan duration) SettingChecks.Span(duration, null, positive: true, nameof(Duration));
            SettingChecks.Span(NotifyBatch, TimeSpan.FromSeconds(SettingDescriptions.NotifyBatch.Max), positive: false, nameof(NotifyBatch));
            SettingChecks.Span(NotifierTimeout, TimeSpan.FromSeconds(SettingDescriptions.NotificationTimeoutSec.Max), positive: true, nameof(NotifierTimeout));
            SettingChecks.File(StatePath, nameof(StatePath));
            SettingChecks.File(HistoryPath, nameof(HistoryPath));
            Engine.Validate();
        }
    }
}
