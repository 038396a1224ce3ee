using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// The one HEAD-to-GET rule: a HEAD that fails in any way (an error status, a timeout, a reset, a refused or dropped
    /// connection) is confirmed by one GET before anything is called broken, because servers answer HEAD with 405, 403,
    /// 404 or nothing at all while GET works. The GET does not repeat the HEAD's retries: they belong to the verdict
    /// (on a healthy host the GET is itself the HEAD's prompt retry: see <see cref="FetchCall.RetryByGet"/>).
    /// Not confirmed: what the engine itself decided about the answer (a redirect to a refused scheme, a loop, too many
    /// hops, a private address), a DNS name that does not exist and a certificate not trusted, which a GET would meet the same way.
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
            var (status, kind, _) = Verdict.Decide(head, _accepted);
            return (status == LinkStatus.Broken || status == LinkStatus.Unverifiable) &&
                (kind == FailureKind.Http || kind == FailureKind.Timeout || kind == FailureKind.Connect ||
                 kind == FailureKind.BotProtection || kind == FailureKind.RateLimited);
        }
    }
}
