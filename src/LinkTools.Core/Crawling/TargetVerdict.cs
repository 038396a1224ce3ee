using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

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

        public static TargetVerdict From(LinkResult result) =>
            new TargetVerdict(result.Status, result.FailureKind, result.Reason, result.StatusCode, result.FinalUrl, result.ElapsedMs) { FromCache = result.FromCache };

        /// <summary>A link whose value is no URL at all (shown as written).</summary>
        public static TargetVerdict InvalidUrl(string raw) =>
            new TargetVerdict(LinkStatus.Broken, FailureKind.InvalidUrl, $"'{raw}' is not a valid URL", null, raw, 0);

        /// <summary>The verdict on the URL a page's redirect landed on: it answered by itself, so links straight to it are Ok.</summary>
        public TargetVerdict Landed() => new TargetVerdict(LinkStatus.Ok, FailureKind.None, "HTTP " + StatusCode, StatusCode, FinalUrl, ElapsedMs);

        public static TargetVerdict Skipped(FailureKind kind, string reason, string url) =>
            new TargetVerdict(LinkStatus.Skipped, kind, reason, null, url, 0);
    }
}
