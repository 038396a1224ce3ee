using System;
using System.Collections.Concurrent;
using System.Linq;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>Every check's schedule lag, for the lag warning, the benchmark and tests. Thread-safe.</summary>
    public sealed class LagRecorder
    {
        private readonly ConcurrentQueue<double> _lagsMs = new();

        public void Record(TimeSpan lag) => _lagsMs.Enqueue(lag.TotalMilliseconds);

        public int Count => _lagsMs.Count;

        public double[] SnapshotMs() => _lagsMs.ToArray();

        /// <summary>The <paramref name="percentile"/> (0-100) of the lags so far, in ms; 0 when none.</summary>
        public double PercentileMs(double percentile) => Percentiles.Of(SnapshotMs(), percentile);
    }
}
