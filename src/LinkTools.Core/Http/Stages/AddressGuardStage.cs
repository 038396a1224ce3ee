using System;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>Refuses a hop whose host resolves to a private address, or cannot be resolved (ExcludePrivateAddresses), checked on every hop: a public page may redirect inward.</summary>
    internal sealed class AddressGuardStage : FetchStage
    {
        private readonly AddressGuard _guard;
        private readonly Action<string>? _log;

        public AddressGuardStage(AddressGuard guard, Action<string>? log)
        {
            _guard = guard;
            _log = log;
        }

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            var excluded = await _guard.RefusalAsync(call.Uri, cancellationToken).ConfigureAwait(false);
            if (excluded is not (FailureKind refusedAs, string refusal)) return await Next.SendAsync(call, cancellationToken).ConfigureAwait(false);

            _log?.Invoke($"{call.Method.Method} {Urls.UrlText.Redact(call.Uri)} refused: {refusal}");
            return new FetchOutcome { FinalUri = call.Uri, Method = call.Method.Method }.Fail(refusedAs, refusal, transient: false);
        }
    }
}
