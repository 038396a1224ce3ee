using System.Collections.Generic;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Checking
{
    /// <summary>Decides Ok, Redirected, Broken or Unverifiable from what a fetch ended with.</summary>
    public static class Verdict
    {
        public static (LinkStatus Status, FailureKind Kind, string Reason) Of(FetchOutcome outcome, CheckPolicy policy)
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
            if (status >= 300 && status < 400 && !policy.Accepts(status))
            {
                return (LinkStatus.Broken, FailureKind.Http, outcome.Reason + " (not a 2xx answer, and no redirect to follow)");
            }

            if (status < 400 || policy.Accepts(status))
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
    }
}
