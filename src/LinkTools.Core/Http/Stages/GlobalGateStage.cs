using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Holds a request until one of the run's ThrottleLimit slots is free, urgent calls first. Taken after the host gate,
    /// so a parked host holds none.
    /// </summary>
    internal sealed class GlobalGateStage : FetchStage
    {
        private readonly PrioritySlots _slots;

        public GlobalGateStage(int limit) => _slots = new PrioritySlots(limit);

        /// <summary>A slot is free right now.</summary>
        public bool HasRoom => _slots.CurrentCount > 0;

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(call.Urgent, cancellationToken).ConfigureAwait(false);
            try
            {
                return await Next.SendAsync(call, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                // Left undisposed: checks still unwinding after a stop release it safely.
                _slots.Release();
            }
        }
    }
}
