using System;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>A check the scheduler has started: which site, which slot, and how late.</summary>
    public sealed class ScheduledCheck
    {
        private readonly SemaphoreSlim? _slots;

        public ScheduledCheck(WatchSite site, int round, TimeSpan slot, TimeSpan lag, int missedSlots, SemaphoreSlim? slots = null)
        {
            _slots = slots;
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

        /// <summary>Waits between attempts without holding a slot, so a failing site's pause does not delay other checks.</summary>
        public async Task PauseAsync(TimeSpan delay, CancellationToken cancellationToken)
        {
            if (_slots == null)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                return;
            }

            _slots.Release();
            try
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Taken back even when cancelled: the scheduler releases it once the check ends.
                await _slots.WaitAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
