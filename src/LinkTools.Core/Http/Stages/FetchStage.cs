using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// One step of the request path, in the spirit of <c>DelegatingHandler</c>: it does its one job and hands the call to
    /// <see cref="Next"/>. <see cref="FetchEngine"/> builds the chain; its summary lists the order.
    /// </summary>
    internal abstract class FetchStage
    {
        public FetchStage Next { get; set; } = null!;

        public abstract Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken);
    }
}
