using System;
using System.Collections.Generic;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>
    /// Collects alerted changes until the batch window after the first one has passed, so one outage of many
    /// sites is one notification. Pipeline thread only.
    /// </summary>
    public sealed class NotificationBatch
    {
        private readonly TimeSpan _window;
        private readonly List<SiteStateChange> _pending = new();
        private DateTimeOffset _firstAt;

        public NotificationBatch(TimeSpan window)
        {
            _window = window;
        }

        public void Add(SiteStateChange change, DateTimeOffset now)
        {
            if (_pending.Count == 0) _firstAt = now;
            _pending.Add(change);
        }

        /// <summary>Returns the batch when its window is over (or <paramref name="force"/>), else null.</summary>
        public IReadOnlyList<SiteStateChange>? TakeIfDue(DateTimeOffset now, bool force)
        {
            if (_pending.Count == 0) return null;
            if (!force && now - _firstAt < _window) return null;
            var batch = _pending.ToArray();
            _pending.Clear();
            return batch;
        }
    }
}
