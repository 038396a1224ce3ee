using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Monitoring.Persistence;
using LinkTools.Core.Monitoring.Scheduling;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Urls;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Operations
{
    /// <summary>
    /// Watch-Website's body. Sites are added as input arrives; <see cref="Run"/> then checks them on a fixed-rate
    /// schedule over one engine. Checks run on worker threads; everything after a check (the -Condition predicate,
    /// the state machine, history, output, notifications) is posted to the operation's output and runs on the pipeline
    /// thread when the pump reaches it, so that state needs no locks and script can run there.
    /// </summary>
    public sealed class WatchWebsiteOperation : PipelineOperation
    {
        private const int ProgressId = 4;
        private static readonly TimeSpan LagWarningEvery = TimeSpan.FromMinutes(1);

        private readonly WatchSettings _settings;
        private readonly IWatchCallbacks? _callbacks;
        private readonly ISystemClock _clock;
        private readonly FetchEngine _engine;
        private readonly SiteChecker _checker;
        private readonly SiteTracker _tracker;
        private readonly NotificationBatch _batch;
        private readonly List<WatchSite> _sites = new();
        private readonly HashSet<string> _siteKeys = new(StringComparer.Ordinal);
        private readonly NotifierDispatch _notifiers;
        private Dictionary<string, SiteMemory> _memory = new(StringComparer.Ordinal);
        private CheckScheduler? _scheduler;
        private HistoryWriter? _history;
        private DateTimeOffset _lastLagWarning = DateTimeOffset.MinValue;
        private DateTimeOffset _lastSaved;
        private long _checksDone;
        private double _totalCheckMs;

        public WatchWebsiteOperation(WatchSettings settings, IPipelineSink sink, IWatchCallbacks? callbacks = null, ISystemClock? clock = null) : base(sink, settings.Ci)
        {
            _settings = settings;
            _callbacks = callbacks;
            _clock = clock ?? SystemClock.Instance;

            // An outage is what the watch reports: the engine must not wait it out.
            _engine = new FetchEngine(settings.Engine with { WaitOutHostOutages = false }, sink.IsVerboseEnabled ? Output.WriteVerbose : null);
            var canary = settings.CanaryUri == null ? null : new CanaryProbe(_engine, settings.CanaryUri, settings.Checks.Answers);
            _checker = new SiteChecker(_engine, settings.Checks, _clock, canary);
            _tracker = new SiteTracker(settings.States);
            _batch = new NotificationBatch(settings.NotifyBatch);
            _notifiers = new NotifierDispatch(settings.Notifiers, settings.NotifierTimeout, Output, sink.IsVerboseEnabled);
        }

        /// <summary>Sites queued so far.</summary>
        public IReadOnlyList<WatchSite> Sites => _sites;

        /// <summary>Every check's schedule lag so far (for the benchmark and the lag warning).</summary>
        public LagRecorder? Lags => _scheduler?.Lags;

        /// <summary>Each site's confirmed state, by URL (redacted), after <see cref="Run"/>.</summary>
        public IReadOnlyDictionary<string, SiteHealth> ConfirmedStates
        {
            get
            {
                var states = new Dictionary<string, SiteHealth>(StringComparer.Ordinal);
                foreach (var site in _sites)
                {
                    var state = _memory.TryGetValue(site.Key, out var m) ? m.Confirmed : SiteHealth.Unknown;
                    // Two logins to one URL share a redacted name: the worse state stands for both.
                    string name = UrlText.Redact(site.Uri);
                    if (!states.TryGetValue(name, out var seen) || Severity(state) > Severity(seen)) states[name] = state;
                }

                return states;
            }
        }

        private static int Severity(SiteHealth state) => state switch
        {
            SiteHealth.Down => 3,
            SiteHealth.Degraded => 2,
            SiteHealth.Up => 1,
            _ => 0,
        };

        /// <summary>Adds a site; a URL given twice is watched once.</summary>
        public void Add(WatchSite site)
        {
            if (!_siteKeys.Add(site.Key))
            {
                if (Sink.IsVerboseEnabled) Sink.WriteVerbose($"{UrlText.Redact(site.Uri)} is already watched in this run; it is checked once per interval.");
                return;
            }

            _engine.TrustedOrigins.Add(site.Uri);
            _sites.Add(site);
        }

        /// <summary>Watches until the rounds or duration are over or <see cref="PipelineOperation.Stop"/>; then flushes notifications, history and state.</summary>
        public void Run()
        {
            if (_sites.Count == 0) return;
            var store = _settings.StatePath == null ? null : new WatchStateStore(_settings.StatePath);
            if (store != null)
            {
                _memory = store.Load(out var warning);
                if (warning != null) Sink.WriteWarning(warning);
                _lastSaved = _clock.UtcNow;
            }

            if (_settings.HistoryPath != null)
            {
                try
                {
                    _history = new HistoryWriter(_settings.HistoryPath);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
                {
                    Sink.WriteError(new PipelineError(ex, "HistoryNotWritable", PipelineErrorCategory.WriteError, _settings.HistoryPath));
                }
            }

            var schedule = new ScheduleOptions
            {
                Interval = _settings.Interval,
                MaxInFlight = _settings.Engine.ThrottleLimit,
                Rounds = _settings.Once ? 1 : _settings.Count,
                Duration = _settings.Once ? null : _settings.Duration,
                Spread = !_settings.Once,
            };
            _scheduler = new CheckScheduler(_sites, schedule, RunCheckAsync);
            var running = Task.Run(() => _scheduler.RunAsync(Stopping));
            try
            {
                PumpUntil(running, () =>
                {
                    SendBatch(force: false);
                    WarnIfLate();
                    _history?.Flush();
                    SaveNowAndThen(store);
                });

                // What was already confirmed still goes to the built-in notifiers after Ctrl+C.
                SendBatch(force: true);
                _notifiers.WaitForSent(IsStopping);
                if (running.IsFaulted) Sink.WriteError(new PipelineError(running.Exception!.GetBaseException(), "WatchFailed", PipelineErrorCategory.NotSpecified, null));
            }
            finally
            {
                _history?.Dispose();
                _history = null;
                TrySave(store);
                Output.DrainTo(Sink);
                CompleteProgress();
            }

            if (!IsStopping)
            {
                int down = _memory.Values.Count(m => m.Confirmed == SiteHealth.Down);
                WriteSummary($"{_sites.Count} sites watched, {_checksDone} checks, {down} down", _engine.Statistics);
            }
        }

        private void SaveNowAndThen(WatchStateStore? store)
        {
            // A long watch saves its state every minute, so a crash loses little.
            var now = _clock.UtcNow;
            if (store == null || now - _lastSaved < TimeSpan.FromMinutes(1)) return;
            _lastSaved = now;
            TrySave(store);
        }

        private void TrySave(WatchStateStore? store)
        {
            if (store == null || !_settings.SaveState) return;
            try
            {
                store.Save(_memory, _clock.UtcNow);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                Output.WriteError(new PipelineError(ex, "StateNotSaved", PipelineErrorCategory.WriteError, store.Path));
            }
        }

        private async Task RunCheckAsync(ScheduledCheck scheduled, CancellationToken cancellationToken)
        {
            try
            {
                var wall = System.Diagnostics.Stopwatch.StartNew();
                var result = await _checker.CheckAsync(scheduled.Site, cancellationToken, scheduled.PauseAsync).ConfigureAwait(false);
                result.WallTimeMs = wall.Elapsed.TotalMilliseconds;
                result.ScheduleLagMs = (long)scheduled.Lag.TotalMilliseconds;
                result.MissedSlots = scheduled.MissedSlots;
                var windows = scheduled.Site.MaintenanceWindows.Count > 0 ? scheduled.Site.MaintenanceWindows : _settings.MaintenanceWindows;
                result.InMaintenance = windows.Any(w => w.IsActive(result.CheckedAt));
                Output.Post(() => HandleFinishedCheck(scheduled.Site, result));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                Output.WriteError(new PipelineError(ex, "CheckFailed", PipelineErrorCategory.NotSpecified, UrlText.Redact(scheduled.Site.Uri)));
            }
        }

        /// <summary>
        /// A finished check, on the pipeline thread. After Ctrl+C the host is stopping: a check that finished meanwhile
        /// is dropped rather than half handled (no script can run now).
        /// </summary>
        private void HandleFinishedCheck(WatchSite site, SiteCheckResult result)
        {
            if (IsStopping) return;
            ApplyCondition(site, result);
            _checksDone++;
            _totalCheckMs += result.WallTimeMs;

            if (!_memory.TryGetValue(site.Key, out var memory))
            {
                memory = new SiteMemory();
                _memory[site.Key] = memory;
            }

            var changes = _tracker.Observe(memory, result, result.CheckedAt, result.InMaintenance);
            _history?.Append(result);
            if (_settings.PassThru) Output.WriteObject(result);
            foreach (var change in changes)
            {
                // The CI filter annotates an alerted Down change on its way out, as it does a broken link.
                Output.WriteObject(change);
                if (change.Alerted) _batch.Add(change, _clock.UtcNow);
            }
        }

        private void ApplyCondition(WatchSite site, SiteCheckResult result)
        {
            var condition = _settings.Condition;
            if (condition == null || result.State == SiteHealth.Down || result.State == SiteHealth.Unknown) return;

            bool passed;
            string error = "the -Condition returned false";
            try
            {
                passed = condition(result);
            }
            catch (Exception ex)
            {
                passed = false;
                error = "the -Condition failed: " + ex.GetBaseException().Message;
                Sink.WriteWarning($"-Condition failed for {UrlText.Redact(site.Uri)}: {ex.GetBaseException().Message}");
            }

            if (!passed)
            {
                result.State = SiteHealth.Down;
                result.FailureKind = WatchFailureKind.Condition;
                result.Error = error;
            }
        }

        private void SendBatch(bool force)
        {
            var batch = _batch.TakeIfDue(_clock.UtcNow, force);
            if (batch == null) return;

            _notifiers.Send(batch);
            if (_callbacks != null && !IsStopping)
            {
                // Let anything written so far reach the host before its scripts run.
                Output.DrainTo(Sink);
                try
                {
                    _callbacks.OnStateChanges(batch, Sink);
                }
                catch (Exception ex)
                {
                    Sink.WriteWarning("A state-change handler failed: " + ex.GetBaseException().Message + ". The watch goes on.");
                }
            }
        }

        private void WarnIfLate()
        {
            // -Once runs every site at once: there is no schedule to keep.
            var scheduler = _scheduler!;
            if (_settings.Once || scheduler.Lags.Count < Math.Min(20, scheduler.SiteCount)) return;
            var now = _clock.UtcNow;
            if (now - _lastLagWarning < LagWarningEvery) return;
            var window = scheduler.Lags.RecentMs(Math.Max(50, scheduler.SiteCount));
            var p95 = TimeSpan.FromMilliseconds(Percentiles.Of(window, 95));
            if (!LagAdvisor.IsLate(p95, _settings.Interval)) return;

            _lastLagWarning = now;
            double averageMs = _checksDone == 0 ? 0 : _totalCheckMs / _checksDone;
            bool saturated = scheduler.Active >= _settings.Engine.ThrottleLimit;
            Sink.WriteWarning(LagAdvisor.Advice(scheduler.SiteCount, _settings.Interval, averageMs, _settings.Engine.ThrottleLimit, p95, saturated));
        }

        protected override ProgressInfo? CurrentProgress()
        {
            if (_scheduler == null) return null;
            int down = _memory.Values.Count(m => m.Confirmed == SiteHealth.Down);
            return new ProgressInfo(ProgressId, "Watch-Website", $"{_sites.Count} sites, {_checksDone} checks, {down} down")
            {
                CurrentOperation = $"{_scheduler.Active} checks running, p95 schedule lag {Percentiles.Of(_scheduler.Lags.RecentMs(Math.Max(50, _sites.Count)), 95):0} ms",
            };
        }

        public override void Dispose()
        {
            Stop();
            _notifiers.Dispose();
            _history?.Dispose();
            _engine.Dispose();
            base.Dispose();
        }
    }
}
