using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Follows redirects hop by hop (the handler does not), so the chain is recorded, loops are caught, the hop count is
    /// bounded by MaximumRedirection, non-http(s) targets are refused, and a hop the run excludes is not requested.
    /// </summary>
    internal sealed class RedirectStage : FetchStage
    {
        private readonly int _maximumRedirection;
        private readonly Func<Uri, string?> _exclusion;

        /// <param name="exclusion">Why the run leaves a URL out (its -Exclude pattern), or null to follow it.</param>
        public RedirectStage(int maximumRedirection, Func<Uri, string?> exclusion)
        {
            _maximumRedirection = maximumRedirection;
            _exclusion = exclusion;
        }

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            var chain = call.Chain;
            var hop = call;
            var method = call.Method;
            while (true)
            {
                var outcome = await Next.SendAsync(hop, cancellationToken).ConfigureAwait(false);
                outcome.RedirectChain = chain;
                outcome.Method = call.Method.Method;
                if (outcome.RedirectTo is not Uri target) return outcome;

                outcome.RedirectTo = null;
                // Mapped before anything decides on it, so the guard and the chain see the host the handler connects to.
                target = Urls.HostMapping.Apply(target);
                string? refusal = Refusal(hop.Uri, target, chain, outcome.StatusCode ?? 0, out var kind);
                if (refusal != null) return outcome.Fail(kind, refusal, transient: false);

                chain.Add(target);
                if (outcome.StatusCode == 303 && method != HttpMethod.Head) method = HttpMethod.Get;
                hop = call.Hop(target, method);
            }
        }

        private string? Refusal(Uri from, Uri target, List<Uri> chain, int status, out FailureKind kind)
        {
            if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
            {
                kind = FailureKind.UnsupportedScheme;
                return $"redirect to a {target.Scheme}: URL refused ({status} from {Urls.UrlText.Redact(from)})";
            }

            if (_exclusion(target) is string excluded)
            {
                // Stopped before the request, as a link straight to it would be: the link is Skipped, not followed.
                kind = FailureKind.Excluded;
                return $"redirects ({status}) to {Urls.UrlText.Redact(target)}, {excluded}";
            }

            if (chain.Exists(seen => UriEquals(seen, target)))
            {
                kind = FailureKind.RedirectLoop;
                return "redirect loop at " + Urls.UrlText.Redact(target);
            }

            if (chain.Count > _maximumRedirection)
            {
                kind = FailureKind.TooManyRedirects;
                return $"more than {_maximumRedirection} redirects";
            }

            kind = FailureKind.None;
            return null;
        }

        private static bool UriEquals(Uri a, Uri b) =>
            Uri.Compare(a, b, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;
    }
}
