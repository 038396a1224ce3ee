using System;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Caching;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Checking
{
    /// <summary>Checks one URL with the engine (<see cref="FetchEngine.ProbeAsync"/>: HEAD, GET, or HEAD confirmed by GET) and turns the outcome into a <see cref="LinkResult"/>.</summary>
    public sealed class LinkChecker
    {
        private readonly FetchEngine _engine;
        private readonly ResultCache? _cache;

        /// <param name="cache">Results kept between runs: a fresh working result is reported from it, and each check is recorded in it. Null for none.</param>
        public LinkChecker(FetchEngine engine, ResultCache? cache = null)
        {
            _engine = engine;
            _cache = cache;
        }

        public FetchEngine Engine => _engine;

        public async Task<LinkResult> CheckAsync(Uri uri, CancellationToken cancellationToken)
        {
            if (_cache != null && _cache.TryGet(uri, out var cached)) return cached;
            var result = await FetchAsync(uri, cancellationToken).ConfigureAwait(false);
            _cache?.Record(uri, result);
            return result;
        }

        private async Task<LinkResult> FetchAsync(Uri uri, CancellationToken cancellationToken)
        {
            var checkedAt = DateTimeOffset.UtcNow;
            var outcome = await _engine.ProbeAsync(uri, cancellationToken).ConfigureAwait(false);
            return Judge(uri, outcome, checkedAt);
        }

        /// <summary>The result of a fetch of <paramref name="uri"/>: every check and every crawled page is judged here.</summary>
        public LinkResult Judge(Uri uri, FetchOutcome outcome, DateTimeOffset checkedAt)
        {
            var verdict = Verdict.Decide(outcome, _engine.Options.AcceptStatusCodes);
            return new LinkResult
            {
                Url = UrlText.Redact(uri),
                FinalUrl = UrlText.Redact(outcome.FinalUri),
                Status = verdict.Status,
                StatusCode = outcome.StatusCode,
                FailureKind = verdict.Kind,
                Reason = verdict.Reason,
                Method = outcome.Method,
                ElapsedMs = (long)outcome.Elapsed.TotalMilliseconds,
                RedirectCount = outcome.RedirectCount,
                RedirectChain = outcome.RedirectCount == 0 ? "" : string.Join(" -> ", RedirectTargets(outcome)),
                ContentType = outcome.ContentType,
                CheckedAt = checkedAt,
                Attempts = outcome.Attempts,
            };
        }

        private static System.Collections.Generic.IEnumerable<string> RedirectTargets(FetchOutcome outcome)
        {
            for (int i = 1; i < outcome.RedirectChain.Count; i++) yield return UrlText.Redact(outcome.RedirectChain[i]);
        }

        /// <summary>A result for input that could not be checked at all.</summary>
        public static LinkResult Skipped(string url, FailureKind kind, string reason) => new LinkResult
        {
            Url = UrlText.Redact(url),
            FinalUrl = UrlText.Redact(url),
            Status = LinkStatus.Skipped,
            FailureKind = kind,
            Reason = reason,
            CheckedAt = DateTimeOffset.UtcNow,
        };
    }
}
