using System;
using System.Collections.Concurrent;
using System.Linq;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>The schedule lag of recent checks (the last <see cref="Capacity"/>), for the lag warning, the benchmark and tests. Thread-safe.</summary>
    public sealed class LagRecorder
    {
        public const int Capacity = 100_000;
        private readonly ConcurrentQueue<double> _lagsMs = new();
        private long _total;

        public void Record(TimeSpan lag)
        {
            _lagsMs.Enqueue(lag.TotalMilliseconds);
            System.Threading.Interlocked.Increment(ref _total);
            // A watch may run for months: only recent lags are kept.
            while (_lagsMs.Count > Capacity && _lagsMs.TryDequeue(out _))
            {
            }
        }

        /// <summary>Checks started since the run began.</summary>
        public long Total => System.Threading.Interlocked.Read(ref _total);

        public int Count => _lagsMs.Count;

        public double[] SnapshotMs() => _lagsMs.ToArray();

        /// <summary>The last <paramref name="count"/> lags.</summary>
        public double[] RecentMs(int count)
        {
            var all = _lagsMs.ToArray();
            return all.Length <= count ? all : all.Skip(all.Length - count).ToArray();
        }

        /// <summary>The <paramref name="percentile"/> (0-100) of the kept lags, in ms; 0 when none.</summary>
        public double PercentileMs(double percentile) => Percentiles.Of(SnapshotMs(), percentile);
    }
}
