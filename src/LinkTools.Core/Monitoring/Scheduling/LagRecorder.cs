using System;
using System.Collections.Generic;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>The schedule lag of recent checks (the last <see cref="Capacity"/>), for the lag warning, the benchmark and tests. Thread-safe.</summary>
    public sealed class LagRecorder
    {
        public const int Capacity = 100_000;

        // A ring: it grows to Capacity, then the oldest lag is overwritten, so a watch that runs for months keeps only
        // recent lags and reading the last few never copies the rest (the watch loop reads them several times a second).
        private readonly List<double> _lagsMs = new();
        private readonly object _gate = new();
        private int _next;

        public void Record(TimeSpan lag)
        {
            lock (_gate)
            {
                if (_lagsMs.Count < Capacity) _lagsMs.Add(lag.TotalMilliseconds);
                else _lagsMs[_next] = lag.TotalMilliseconds;
                _next = (_next + 1) % Capacity;
            }
        }

        public int Count
        {
            get
            {
                lock (_gate) return _lagsMs.Count;
            }
        }

        /// <summary>Every kept lag, oldest first.</summary>
        public double[] SnapshotMs() => RecentMs(Capacity);

        /// <summary>The last <paramref name="count"/> lags, oldest first.</summary>
        public double[] RecentMs(int count)
        {
            lock (_gate)
            {
                int n = Math.Min(count, _lagsMs.Count);
                var recent = new double[n];
                // The newest lag is just before _next; the ring wraps at the end of the list.
                for (int i = 0; i < n; i++) recent[i] = _lagsMs[((_next - n + i) % _lagsMs.Count + _lagsMs.Count) % _lagsMs.Count];
                return recent;
            }
        }
    }
}
