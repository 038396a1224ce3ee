using System;
using System.Text;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>
    /// Spreads first checks over the interval by a hash of the URL (FNV-1a), stable across runs and machines,
    /// so a thousand sites do not all start in the same second and each keeps its place in the cycle.
    /// </summary>
    public static class StableSpread
    {
        public static TimeSpan Offset(string key, TimeSpan interval)
        {
            if (interval <= TimeSpan.Zero) return TimeSpan.Zero;
            ulong hash = 14695981039346656037UL;
            foreach (byte b in Encoding.UTF8.GetBytes(key))
            {
                hash ^= b;
                hash *= 1099511628211UL;
            }

            return TimeSpan.FromTicks((long)(hash % (ulong)interval.Ticks));
        }
    }
}
