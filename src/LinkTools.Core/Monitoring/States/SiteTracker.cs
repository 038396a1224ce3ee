using System;
using System.Collections.Generic;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.States
{
    /// <summary>
    /// The per-site state machine: turns observed health into confirmed transitions with thresholds, reminders,
    /// and alerts held during maintenance. Single-threaded (the operation calls it on the pipeline thread).
    /// </summary>
    public sealed class SiteTracker
    {
        private readonly TrackerPolicy _policy;

        public SiteTracker(TrackerPolicy policy)
        {
            _policy = policy;
        }

        /// <summary>Feeds one check into <paramref name="memory"/> and returns the events it confirms (usually none).</summary>
        /// <param name="inMaintenance">Alerts are held: events are still returned, with Alerted false.</param>
        public IReadOnlyList<SiteStateChange> Observe(SiteMemory memory, SiteCheckResult check, DateTimeOffset now, bool inMaintenance)
        {
            var events = new List<SiteStateChange>(1);
            var observed = check.State;
            if (observed == SiteHealth.Unknown || observed == SiteHealth.Maintenance)
            {
                // Nothing learnt about the site itself (the monitor's network is down): counts stay as they are.
                check.ConfirmedState = memory.Confirmed;
                return events;
            }

            memory.Checks++;
            if (observed == memory.LastObserved)
            {
                memory.SameStreak++;
            }
            else
            {
                memory.LastObserved = observed;
                memory.SameStreak = 1;
                memory.StreakStart = now;
            }

            if (observed == SiteHealth.Down)
            {
                memory.ConsecutiveFailures++;
                memory.ConsecutiveSuccesses = 0;
            }
            else
            {
                memory.ConsecutiveSuccesses++;
                memory.ConsecutiveFailures = 0;
            }

            if (memory.Confirmed == SiteHealth.Unknown)
            {
                // The first check establishes the state; -Retry inside it has already confirmed a failure.
                bool alert = observed == SiteHealth.Down && !inMaintenance;
                events.Add(Transition(memory, check, now, observed, StateChangeReason.Initial, alert, start: now));
            }
            else if (observed == SiteHealth.Down)
            {
                if (memory.Confirmed != SiteHealth.Down && memory.ConsecutiveFailures >= _policy.FailureThreshold)
                {
                    events.Add(Transition(memory, check, now, SiteHealth.Down, StateChangeReason.Down, !inMaintenance, memory.StreakStart));
                }
                else if (memory.Confirmed == SiteHealth.Down && !inMaintenance && DueForReminder(memory, now))
                {
                    events.Add(Reminder(memory, check, now));
                }
            }
            else if (memory.Confirmed == SiteHealth.Down)
            {
                if (memory.ConsecutiveSuccesses >= _policy.SuccessThreshold)
                {
                    // A recovery is news only to those who were told about the outage.
                    bool alert = memory.DownAlerted;
                    events.Add(Transition(memory, check, now, observed, StateChangeReason.Recovered, alert, FirstSuccessTime(memory, now)));
                }
            }
            else if (observed != memory.Confirmed)
            {
                int needed = observed == SiteHealth.Degraded ? _policy.FailureThreshold : _policy.SuccessThreshold;
                if (memory.SameStreak >= needed)
                {
                    var reason = observed == SiteHealth.Up
                        ? StateChangeReason.Recovered
                        : check.FailureKind == WatchFailureKind.Certificate ? StateChangeReason.CertificateWarning : StateChangeReason.Degraded;
                    events.Add(Transition(memory, check, now, observed, reason, !inMaintenance, memory.StreakStart));
                }
            }

            check.ConfirmedState = memory.Confirmed;
            return events;
        }

        private bool DueForReminder(SiteMemory memory, DateTimeOffset now)
        {
            // A Down held during maintenance is sent once the window is over, then reminders follow.
            if (!memory.DownAlerted) return true;
            return _policy.EffectiveReminderInterval is TimeSpan every && memory.LastAlertAt is DateTimeOffset last && now - last >= every;
        }

        private static DateTimeOffset FirstSuccessTime(SiteMemory memory, DateTimeOffset now) =>
            memory.ConsecutiveSuccesses <= 1 ? now : memory.StreakStart;

        private static SiteStateChange Reminder(SiteMemory memory, SiteCheckResult check, DateTimeOffset now)
        {
            var change = Describe(memory, check, now, SiteHealth.Down, SiteHealth.Down, StateChangeReason.Reminder, memory.Since);
            change.PreviousDuration = now - memory.Since;
            change.Alerted = true;
            memory.DownAlerted = true;
            memory.LastAlertAt = now;
            return change;
        }

        private static SiteStateChange Transition(SiteMemory memory, SiteCheckResult check, DateTimeOffset now, SiteHealth to, StateChangeReason reason, bool alert, DateTimeOffset start)
        {
            var from = memory.Confirmed;
            var change = Describe(memory, check, now, from, to, reason, start);
            change.PreviousDuration = from == SiteHealth.Unknown || start < memory.Since ? TimeSpan.Zero : start - memory.Since;
            change.Alerted = alert;

            memory.Confirmed = to;
            memory.Since = start;
            if (to == SiteHealth.Down)
            {
                memory.DownAlerted = alert;
            }
            else if (from == SiteHealth.Down)
            {
                memory.DownAlerted = false;
            }

            if (alert) memory.LastAlertAt = now;
            return change;
        }

        private static SiteStateChange Describe(SiteMemory memory, SiteCheckResult check, DateTimeOffset now, SiteHealth from, SiteHealth to, StateChangeReason reason, DateTimeOffset since) =>
            new SiteStateChange
            {
                At = now,
                Url = check.Url,
                Name = check.Name,
                From = from,
                To = to,
                Since = since,
                Reason = reason,
                StatusCode = check.StatusCode,
                FailureKind = check.FailureKind,
                Error = check.Error,
                ResponseTimeMs = check.ResponseTimeMs,
                ConsecutiveFailures = memory.ConsecutiveFailures,
                CertificateDaysLeft = check.CertificateDaysLeft,
            };
    }
}
