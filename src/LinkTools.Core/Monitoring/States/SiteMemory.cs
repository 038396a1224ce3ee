using System;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.States
{
    /// <summary>What the state machine remembers about one site between checks, and between runs (-StatePath).</summary>
    public sealed class SiteMemory
    {
        public SiteHealth Confirmed { get; set; } = SiteHealth.Unknown;

        /// <summary>When the confirmed state began.</summary>
        public DateTimeOffset Since { get; set; }

        public long Checks { get; set; }
        public int ConsecutiveFailures { get; set; }
        public int ConsecutiveSuccesses { get; set; }

        /// <summary>The last observed health and how many checks in a row saw it, from when.</summary>
        public SiteHealth LastObserved { get; set; } = SiteHealth.Unknown;
        public int SameStreak { get; set; }
        public DateTimeOffset StreakStart { get; set; }

        /// <summary>The current Down was sent to the notifiers, so its recovery is sent too.</summary>
        public bool DownAlerted { get; set; }

        public DateTimeOffset? LastAlertAt { get; set; }
    }
}
