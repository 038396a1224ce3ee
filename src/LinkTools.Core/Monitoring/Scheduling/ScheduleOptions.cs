using System;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>How often and for how long the scheduler runs checks.</summary>
    public sealed class ScheduleOptions
    {
        public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

        /// <summary>Checks running at once; the engine's ThrottleLimit, so a check's lag includes its wait for a slot.</summary>
        public int MaxInFlight { get; set; } = 50;

        /// <summary>Checks per site before the run ends; null for no limit.</summary>
        public int? Rounds { get; set; }

        /// <summary>No slot at or after this much time from the start is run; null for no limit.</summary>
        public TimeSpan? Duration { get; set; }

        /// <summary>Spread the first checks over the interval by a stable hash of the URL; off runs them all at once.</summary>
        public bool Spread { get; set; } = true;
    }
}
