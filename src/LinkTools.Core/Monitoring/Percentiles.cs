using System;
using System.Linq;

namespace LinkTools.Core.Monitoring
{
    /// <summary>Nearest-rank percentiles.</summary>
    public static class Percentiles
    {
        public static double Of(double[] values, double percentile)
        {
            if (values.Length == 0) return 0;
            var sorted = values.OrderBy(v => v).ToArray();
            int rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length);
            return sorted[Math.Min(sorted.Length, Math.Max(1, rank)) - 1];
        }
    }
}
