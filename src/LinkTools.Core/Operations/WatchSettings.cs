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
    /// <summary>
    /// What Watch-Website and `linktools watch` were asked to do. Immutable: each value is checked against its
    /// setting's description as it is set, and the nested parts (<see cref="Engine"/>, <see cref="Checks"/>,
    /// <see cref="States"/>) check their own, so an instance that exists is valid. Durations may be finer than the
    /// front ends' whole units (tests run on short intervals); only their upper bounds and signs are held to the
    /// settings' descriptions.
    /// </summary>
    public sealed record WatchSettings
    {
        private readonly TimeSpan _interval = TimeSpan.FromSeconds(SettingDescriptions.IntervalSec.IntDefault);
        private readonly int? _count;
        private readonly TimeSpan? _duration;
        private readonly string? _statePath;
        private readonly string? _historyPath;
        private readonly TimeSpan _notifyBatch = TimeSpan.FromSeconds(SettingDescriptions.NotifyBatch.IntDefault);
        private readonly TimeSpan _notifierTimeout = TimeSpan.FromSeconds(SettingDescriptions.NotificationTimeoutSec.IntDefault);

        /// <summary>
        /// The engine the run uses (one per run). Its retries (MaximumRetryCount, off by default here) happen inside each
        /// attempt and are counted in the attempt log; its RetryInterval is also the pause between -Retry attempts.
        /// </summary>
        public EngineOptions Engine { get; init; } = new EngineOptions
        {
            Timeout = TimeSpan.FromSeconds(SettingDescriptions.WatchTimeoutSec.IntDefault),
            MaximumRetryCount = SettingDescriptions.WatchMaximumRetryCount.IntDefault,
            RetryInterval = TimeSpan.FromSeconds(SettingDescriptions.WatchRetryIntervalSec.IntDefault),
        };

        public TimeSpan Interval
        {
            get => _interval;
            init => _interval = SettingValidation.Span(value, TimeSpan.FromSeconds(SettingDescriptions.IntervalSec.Max), positive: true, nameof(Interval));
        }

        public SiteCheckPolicy Checks { get; init; } = new SiteCheckPolicy();

        public TrackerPolicy States { get; init; } = new TrackerPolicy();

        /// <summary>Checks per site; null runs until stopped (or <see cref="Duration"/>).</summary>
        public int? Count
        {
            get => _count;
            init => _count = value is int count ? SettingValidation.Between(count, SettingDescriptions.Count, nameof(Count)) : (int?)null;
        }

        public TimeSpan? Duration
        {
            get => _duration;
            init => _duration = value is TimeSpan duration ? SettingValidation.Span(duration, null, positive: true, nameof(Duration)) : (TimeSpan?)null;
        }

        /// <summary>One round, all sites at once, compared with the state the last run saved (-Once -StatePath).</summary>
        public bool Once { get; init; }

        public string? StatePath
        {
            get => _statePath;
            init => _statePath = SettingValidation.File(value, nameof(StatePath));
        }

        /// <summary>False reads <see cref="StatePath"/> but never writes it (-WhatIf, or a declined -Confirm).</summary>
        public bool SaveState { get; init; } = true;

        public string? HistoryPath
        {
            get => _historyPath;
            init => _historyPath = SettingValidation.File(value, nameof(HistoryPath));
        }

        /// <summary>Write every check result, not only state changes.</summary>
        public bool PassThru { get; init; }

        public Uri? CanaryUri { get; init; }

        /// <summary>Maintenance windows for sites that do not bring their own.</summary>
        public IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; init; } = Array.Empty<MaintenanceWindow>();

        /// <summary>Alerted changes that land within this window are notified together.</summary>
        public TimeSpan NotifyBatch
        {
            get => _notifyBatch;
            init => _notifyBatch = SettingValidation.Span(value, TimeSpan.FromSeconds(SettingDescriptions.NotifyBatch.Max), positive: false, nameof(NotifyBatch));
        }

        /// <summary>A predicate over each answered check, run on the pipeline thread (-Condition); false makes the check Down.</summary>
        public Func<SiteCheckResult, bool>? Condition { get; init; }

        public IReadOnlyList<IStateChangeNotifier> Notifiers { get; init; } = Array.Empty<IStateChangeNotifier>();

        /// <summary>How long a built-in notifier may take per batch, retries included.</summary>
        public TimeSpan NotifierTimeout
        {
            get => _notifierTimeout;
            init => _notifierTimeout = SettingValidation.Span(value, TimeSpan.FromSeconds(SettingDescriptions.NotificationTimeoutSec.Max), positive: true, nameof(NotifierTimeout));
        }

        /// <summary>Error lines for sites that go Down, for the CI agent running the watch; null outside CI.</summary>
        public LinkTools.Core.Ci.CiAnnotations? Ci { get; init; }
    }
}
