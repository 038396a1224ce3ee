using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// The one HEAD-to-GET rule: a HEAD that fails in any way (an error status, a timeout, a reset, a refused or dropped
    /// connection) is confirmed by one GET before anything is called broken, because servers answer HEAD with 405, 403,
    /// 404 or nothing at all while GET works. The GET does not repeat the HEAD's retries: they belong to the verdict.
    /// </summary>
    internal sealed class MethodFallbackStage : FetchStage
    {
        private readonly ISet<int> _accepted;

        public MethodFallbackStage(ISet<int> acceptStatusCodes) => _accepted = acceptStatusCodes;

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            var head = await Next.SendAsync(call, cancellationToken).ConfigureAwait(false);
            if (!call.ConfirmWithGet || call.Method != HttpMethod.Head || !Failed(head)) return head;

            var get = await Next.SendAsync(call.ConfirmingGet(), cancellationToken).ConfigureAwait(false);
            get.Attempts += head.Attempts;
            get.Elapsed += head.Elapsed;
            return get;
        }

        private bool Failed(FetchOutcome head)
        {
            var status = Verdict.Of(head, _accepted).Status;
            return status == LinkStatus.Broken || status == LinkStatus.Unverifiable;
        }
    }
}
