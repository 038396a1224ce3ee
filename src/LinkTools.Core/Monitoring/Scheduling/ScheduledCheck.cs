using System;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>A check the scheduler has started: which site, which slot, and how late.</summary>
    public sealed class ScheduledCheck
    {
        public ScheduledCheck(WatchSite site, int round, TimeSpan slot, TimeSpan lag, int missedSlots)
        {
            Site = site;
            Round = round;
            Slot = slot;
            Lag = lag;
            MissedSlots = missedSlots;
        }

        public WatchSite Site { get; }

        /// <summary>1 for the site's first check.</summary>
        public int Round { get; }

        /// <summary>The slot the check belongs to, from the start of the run.</summary>
        public TimeSpan Slot { get; }

        /// <summary>How long after its slot the check got a slot in the engine.</summary>
        public TimeSpan Lag { get; }

        public int MissedSlots { get; }
    }
}
