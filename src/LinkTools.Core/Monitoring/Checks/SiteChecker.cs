using System;
using System.Globalization;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Text;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>
    /// One check of one site on the shared engine: <see cref="FetchEngine.ProbeAsync"/> (HEAD, any failure confirmed by
    /// one GET) unless the body is needed, failures confirmed by -Retry attempts inside the check -RetryIntervalSec apart,
    /// then status (-ExpectStatus or -AcceptStatusCode), content, speed and certificate verdicts.
    /// Runs on worker threads and touches no shared state but the engine and probes.
    /// </summary>
    public sealed class SiteChecker
    {
        private readonly FetchEngine _engine;
        private readonly SiteCheckPolicy _policy;
        private readonly ISystemClock _clock;
        private readonly CertificateProbe? _certificates;
        private readonly CanaryProbe? _canary;

        public SiteChecker(FetchEngine engine, SiteCheckPolicy policy, ISystemClock clock, CanaryProbe? canary = null)
        {
            _engine = engine;
            _policy = policy;
            _clock = clock;
            _canary = canary;
            if (policy.MinCertificateDays > 0)
            {
                _certificates = new CertificateProbe(engine.Options.Timeout, policy.CertificateCacheTime);
            }
        }

        /// <param name="pause">Waits between attempts; the scheduler's lets go of the check's slot meanwhile.</param>
        public async Task<SiteCheckResult> CheckAsync(WatchSite site, CancellationToken cancellationToken, Func<TimeSpan, CancellationToken, Task>? pause = null)
        {
            var result = new SiteCheckResult { CheckedAt = _clock.UtcNow, Url = UrlText.Redact(site.Uri), Name = site.Name };
            var log = new StringBuilder();
            int attempts = _policy.Retry + 1;
            for (int attempt = 1; attempt <= attempts; attempt++)
            {
                int requests = await ObserveAsync(site, result, cancellationToken).ConfigureAwait(false);
                if (log.Length > 0) log.Append("; ");
                log.Append(attempt.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(result.Method).Append(' ')
                   .Append(result.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? result.FailureKind.ToString()).Append(' ')
                   .Append(result.ResponseTimeMs.ToString(CultureInfo.InvariantCulture)).Append(" ms");
                if (requests > 1) log.Append(" (").Append(requests.ToString(CultureInfo.InvariantCulture)).Append(" requests)");
                result.Attempts = attempt;
                if (result.State != SiteHealth.Down || attempt == attempts) break;
                await (pause ?? Task.Delay)(_engine.Options.RetryInterval, cancellationToken).ConfigureAwait(false);
            }

            result.AttemptLog = log.ToString();
            await CheckCertificateAsync(site, result, cancellationToken).ConfigureAwait(false);

            if (result.State == SiteHealth.Down && _canary != null && !await _canary.IsUpAsync(cancellationToken).ConfigureAwait(false))
            {
                result.State = SiteHealth.Unknown;
                result.Error = "the canary " + UrlText.Redact(_canary.Uri) + " failed too, so the monitor's own network is suspect; " + result.Error;
            }

            return result;
        }

        /// <returns>The requests the engine sent for this attempt (a HEAD and its confirming GET, transient retries).</returns>
        private async Task<int> ObserveAsync(WatchSite site, SiteCheckResult result, CancellationToken cancellationToken)
        {
            var outcome = site.ExpectContent != null
                ? await _engine.FetchAsync(site.Uri, HttpMethod.Get, readBody: true, cancellationToken).ConfigureAwait(false)
                : await _engine.ProbeAsync(site.Uri, _policy.Answers, cancellationToken).ConfigureAwait(false);

            result.Method = outcome.Method;
            result.StatusCode = outcome.StatusCode;
            result.ResponseTimeMs = (long)outcome.Elapsed.TotalMilliseconds;
            result.FailureKind = WatchFailureKind.None;
            result.Error = "";
            result.State = SiteHealth.Up;

            if (outcome.Failure != FailureKind.None)
            {
                Fail(result, Map(outcome.Failure), outcome.Reason);
                return outcome.Attempts;
            }

            int status = outcome.StatusCode ?? 0;
            if (!site.ExpectStatus.Contains(status) && !_policy.Answers.Accepts(status))
            {
                Fail(result, WatchFailureKind.Status, $"{outcome.Reason}, expected {site.ExpectStatus}");
                return outcome.Attempts;
            }

            if (site.ExpectContent != null && ContentMismatch(site.ExpectContent, outcome) is string mismatch)
            {
                Fail(result, WatchFailureKind.Content, mismatch);
                return outcome.Attempts;
            }

            if (_policy.MaxResponseTime is TimeSpan limit && outcome.Elapsed > limit)
            {
                result.State = SiteHealth.Degraded;
                result.FailureKind = WatchFailureKind.Slow;
                result.Error = $"answered in {result.ResponseTimeMs} ms, slower than {(long)limit.TotalMilliseconds} ms";
            }

            return outcome.Attempts;
        }

        /// <summary>Why the body fails -ExpectContent, or null when it matches.</summary>
        private static string? ContentMismatch(System.Text.RegularExpressions.Regex expected, FetchOutcome outcome)
        {
            try
            {
                return expected.IsMatch(HtmlDecoding.Decode(outcome.Body ?? Array.Empty<byte>(), outcome.Charset)) ? null : $"the body does not match /{expected}/";
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A page can be made to time a pattern out: that is a failed check (a defaced site stays Down), not the end of the run.
                return $"matching the body against /{expected}/ timed out after {Durations.Format(expected.MatchTimeout)}";
            }
        }

        private async Task CheckCertificateAsync(WatchSite site, SiteCheckResult result, CancellationToken cancellationToken)
        {
            // No answer at all says nothing about the certificate, except a TLS failure, which may be an expired one.
            bool unanswered = result.State == SiteHealth.Down && result.StatusCode == null && result.FailureKind != WatchFailureKind.Tls;
            if (_certificates == null || site.Uri.Scheme != Uri.UriSchemeHttps || unanswered) return;
            var now = _clock.UtcNow;
            if (await _certificates.ExpiryAsync(site.Uri, now, cancellationToken).ConfigureAwait(false) is not DateTimeOffset expiry) return;

            int daysLeft = (int)Math.Floor((expiry - now).TotalDays);
            result.CertificateDaysLeft = daysLeft;
            if (expiry <= now)
            {
                Fail(result, WatchFailureKind.Certificate, $"the TLS certificate expired on {expiry:yyyy-MM-dd}" + (result.Error.Length > 0 ? "; " + result.Error : ""));
            }
            else if (daysLeft < _policy.MinCertificateDays && result.State == SiteHealth.Up)
            {
                result.State = SiteHealth.Degraded;
                result.FailureKind = WatchFailureKind.Certificate;
                result.Error = $"the TLS certificate expires in {daysLeft} days ({expiry:yyyy-MM-dd}), within {_policy.MinCertificateDays}";
            }
        }

        private static void Fail(SiteCheckResult result, WatchFailureKind kind, string error)
        {
            result.State = SiteHealth.Down;
            result.FailureKind = kind;
            result.Error = error;
        }

        internal static WatchFailureKind Map(FailureKind kind) => kind switch
        {
            FailureKind.Dns => WatchFailureKind.Dns,
            FailureKind.Connect => WatchFailureKind.Connect,
            FailureKind.Tls => WatchFailureKind.Tls,
            FailureKind.Timeout => WatchFailureKind.Timeout,
            FailureKind.RedirectLoop or FailureKind.TooManyRedirects or FailureKind.UnsupportedScheme => WatchFailureKind.Redirect,
            _ => WatchFailureKind.Other,
        };
    }
}
