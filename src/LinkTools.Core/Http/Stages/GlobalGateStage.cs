using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>Holds a request until one of the run's ThrottleLimit slots is free. Taken after the host gate, so a parked host holds none.</summary>
    internal sealed class GlobalGateStage : FetchStage
    {
        private readonly SemaphoreSlim _slots;

        public GlobalGateStage(int limit) => _slots = new SemaphoreSlim(limit, limit);

        /// <summary>A slot is free right now.</summary>
        public bool HasRoom => _slots.CurrentCount > 0;

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
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
