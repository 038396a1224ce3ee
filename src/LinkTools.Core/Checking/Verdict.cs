using System.Collections.Generic;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Checking
{
    /// <summary>
    /// What a URL's answer means: <see cref="Decide"/> holds the rules; an instance is the verdict on one unique URL in
    /// a crawl, shared by every link that points to it.
    /// </summary>
    public sealed class Verdict
    {
        public Verdict(LinkStatus status, FailureKind kind, string reason, int? statusCode, string finalUrl, long elapsedMs)
        {
            Status = status;
            Kind = kind;
            Reason = reason;
            StatusCode = statusCode;
            FinalUrl = finalUrl;
            ElapsedMs = elapsedMs;
        }

        /// <summary>Ok, Redirected, Broken, Unverifiable or Skipped from what a fetch ended with: the rules every answer is judged by.</summary>
        public static (LinkStatus Status, FailureKind Kind, string Reason) Decide(FetchOutcome outcome, ISet<int> acceptStatusCodes)
        {
            if (outcome.Failure == FailureKind.PrivateAddress || outcome.Failure == FailureKind.Excluded)
            {
                // Refused by policy before any request (or before the hop that -Exclude leaves out): nothing is known
                // about the link, so it is not called broken.
                return (LinkStatus.Skipped, outcome.Failure, outcome.Reason);
            }

            if (outcome.Failure != FailureKind.None)
            {
                return (LinkStatus.Broken, outcome.Failure, outcome.Reason);
            }

            int status = outcome.StatusCode ?? 0;
            bool moved = outcome.RedirectCount > 0;
            // Only 2xx is an ok status (Fetch standard). A 3xx here is no redirect that was followed (304 unsolicited,
            // 300, 305): Fetch returns it as the response itself, and a browser shows an empty or unusable page.
            if (status >= 300 && status < 400 && !acceptStatusCodes.Contains(status))
            {
                return (LinkStatus.Broken, FailureKind.Http, outcome.Reason + " (not a 2xx answer, and no redirect to follow)");
            }

            if (status < 400 || acceptStatusCodes.Contains(status))
            {
                return (moved ? LinkStatus.Redirected : LinkStatus.Ok, FailureKind.None,
                    moved ? outcome.Reason + " after " + outcome.RedirectCount + (outcome.RedirectCount == 1 ? " redirect" : " redirects") : outcome.Reason);
            }

            if (status == 999 || (status == 403 && outcome.BotChallenge))
            {
                return (LinkStatus.Unverifiable, FailureKind.BotProtection, outcome.Reason + " (bot protection: the site will not let a checker tell)");
            }

            if (status == 429 || outcome.RetryAfterExceeded)
            {
                return (LinkStatus.Unverifiable, FailureKind.RateLimited, outcome.Reason + (status == 429 && !outcome.RetryAfterExceeded ? " (still rate limited after retries)" : ""));
            }

            return (LinkStatus.Broken, FailureKind.Http, outcome.Reason);
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

        public static Verdict From(LinkResult result) =>
            new Verdict(result.Status, result.FailureKind, result.Reason, result.StatusCode, result.FinalUrl, result.ElapsedMs) { FromCache = result.FromCache };

        /// <summary>A link whose value is no URL at all (shown as written).</summary>
        public static Verdict InvalidUrl(string raw) =>
            new Verdict(LinkStatus.Broken, FailureKind.InvalidUrl, $"'{raw}' is not a valid URL", null, raw, 0);

        /// <summary>The verdict on the URL a page's redirect landed on: it answered by itself, so links straight to it are Ok.</summary>
        public Verdict Landed() => new Verdict(LinkStatus.Ok, FailureKind.None, "HTTP " + StatusCode, StatusCode, FinalUrl, ElapsedMs);

        public static Verdict Skipped(FailureKind kind, string reason, string url) =>
            new Verdict(LinkStatus.Skipped, kind, reason, null, url, 0);
    }
}
