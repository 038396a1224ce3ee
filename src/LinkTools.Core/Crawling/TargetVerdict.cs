using LinkTools.Core.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>The verdict on one unique URL, shared by every link that points to it.</summary>
    internal sealed class TargetVerdict
    {
        public TargetVerdict(LinkStatus status, FailureKind kind, string reason, int? statusCode, string finalUrl, long elapsedMs)
        {
            Status = status;
            Kind = kind;
            Reason = reason;
            StatusCode = statusCode;
            FinalUrl = finalUrl;
            ElapsedMs = elapsedMs;
        }

        public LinkStatus Status { get; }
        public FailureKind Kind { get; }
        public string Reason { get; }
        public int? StatusCode { get; }
        public string FinalUrl { get; }
        public long ElapsedMs { get; }

        /// <summary>Read from the result cache rather than fetched in this run.</summary>
        public bool FromCache { get; private set; }

        public bool Works => Status == LinkStatus.Ok || Status == LinkStatus.Redirected;

        /// <summary>The verdict on a fetch the crawl made itself (a page, or an external page read for its ids).</summary>
        public static TargetVerdict Of(Http.FetchOutcome outcome, System.Collections.Generic.ISet<int> acceptStatusCodes)
        {
            var (status, kind, reason) = Verdict.Of(outcome, acceptStatusCodes);
            return new TargetVerdict(status, kind, reason, outcome.StatusCode, Urls.UrlText.Redact(outcome.FinalUri), (long)outcome.Elapsed.TotalMilliseconds);
        }

        public static TargetVerdict From(LinkResult result) =>
            new TargetVerdict(result.Status, result.FailureKind, result.Reason, result.StatusCode, result.FinalUrl, result.ElapsedMs) { FromCache = result.FromCache };

        public static TargetVerdict Skipped(FailureKind kind, string reason, string url) =>
            new TargetVerdict(LinkStatus.Skipped, kind, reason, null, url, 0);
    }
}
