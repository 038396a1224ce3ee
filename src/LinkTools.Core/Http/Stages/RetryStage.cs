using System;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Retries transient failures (5xx but 501 and 505, 408, 429, resets, timeouts), knowing the host. Never more than
    /// MaximumRetryCount retries for one call, never a wait longer than RetryInterval doubled per retry:
    /// <list type="bullet">
    /// <item>Retry-After (429, 503): the host is parked for the asked time, up to MaxRetryAfter; longer is reported.</item>
    /// <item>The host is down (its gate says so): the retry waits in the gate until a probe is answered. A failed
    /// probe does not spend the call's retries; the wait ends after the outage policy's MaxWait.</item>
    /// <item>A 429 without Retry-After: exponential backoff from RetryInterval, with jitter.</item>
    /// <item>Otherwise a prompt retry (hundreds of milliseconds, jittered) on a fresh connection; when the host answered
    /// other requests lately, the failure is the URL's own and one retry confirms it. For a HEAD that a GET confirms
    /// anyway, that retry is the GET (<see cref="FetchCall.RetryByGet"/>): one request, not two.</item>
    /// </list>
    /// A call asleep before its retry holds no gate or slot; <see cref="Waiting"/> counts such calls.
    /// </summary>
    internal sealed class RetryStage : FetchStage
    {
        private readonly EngineOptions _options;
        private readonly RetryPolicy _policy;
        private readonly HostThrottle _hosts;
        private readonly OutagePolicy? _outages;
        private readonly FetchStatistics _statistics;
        private readonly Action<string>? _log;
        private int _waiting;

        public RetryStage(EngineOptions options, HostThrottle hosts, OutagePolicy? outages, FetchStatistics statistics, Action<string>? log)
        {
            _options = options;
            _policy = new RetryPolicy(options);
            _hosts = hosts;
            _outages = outages;
            _statistics = statistics;
            _log = log;
        }

        /// <summary>Calls asleep before a retry right now.</summary>
        public int Waiting => Volatile.Read(ref _waiting);

        /// <summary>Raised as a call goes to sleep before a retry, so a caller that caps its started work can start more.</summary>
        public event Action? WaitStarted;

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var gate = _hosts.For(call.Uri);
            int max = call.MayRetry ? _options.MaximumRetryCount : 0;
            int spent = 0;
            int attempts = 0;
            int resent = call.Retry; // a confirming GET that is the HEAD's retry comes in as a re-send
            bool? healthy = null; // judged once, at the call's first failure, so one call follows one rule
            FetchOutcome outcome;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                call.Retry = resent + attempts++;
                outcome = await Next.SendAsync(call, cancellationToken).ConfigureAwait(false);
                call.FreshConnection = false;
                if (!outcome.IsTransient) break;
                if (outcome.RetryAfter is TimeSpan tooLong && tooLong > _options.MaxRetryAfter)
                {
                    outcome.RetryAfterExceeded = true;
                    outcome.Reason += $"; the server asked to wait {Durations.Format(tooLong)}, longer than the {Durations.Format(_options.MaxRetryAfter)} cap, so it was not waited out";
                    break;
                }

                if (max == 0) break;
                if (outcome.RetryAfter is TimeSpan asked)
                {
                    if (spent++ >= max) break;

                    // Park the host so its other queued requests wait too, while other hosts go on; the wait is counted in the gate.
                    gate.Park(asked);
                    _log?.Invoke($"{Urls.UrlText.Redact(call.Uri)}: {outcome.Reason}; host parked for {Durations.Format(asked)} (Retry-After)");
                    continue;
                }

                if (_outages != null && gate.InOutage)
                {
                    var down = gate.OutageFor;
                    if (down > _outages.MaxWait)
                    {
                        outcome.Reason += $"; {call.Uri.Authority} has failed most requests for {Durations.Format(down)}";
                        break;
                    }

                    if (!call.IsProbe && spent++ >= max) break;
                    _log?.Invoke($"{Urls.UrlText.Redact(call.Uri)}: {outcome.Reason}; {call.Uri.Authority} is failing most requests, so it is parked until it answers a probe");
                    continue;
                }

                TimeSpan backoff;
                if (outcome.StatusCode == 429)
                {
                    if (spent++ >= max) break;
                    backoff = _policy.Backoff(spent);
                }
                else
                {
                    healthy ??= gate.AnsweredRecently;
                    int allowed = healthy.Value ? Math.Min(1, max) : max;
                    if (spent++ >= allowed) break;
                    backoff = _policy.Prompt(spent);
                    call.FreshConnection = true;
                    call.RetryByGet = healthy.Value && call.ConfirmWithGet && call.Method == HttpMethod.Head;
                }

                _log?.Invoke($"{Urls.UrlText.Redact(call.Uri)}: {outcome.Reason}; retry {spent} of {max}{(call.RetryByGet ? " (the confirming GET)" : "")} in {Durations.Format(backoff)}");
                _statistics.AddRetryWait(backoff);
                await SleepAsync(backoff, cancellationToken).ConfigureAwait(false);
                if (call.RetryByGet) break;
            }

            outcome.Attempts = attempts;
            outcome.Elapsed = clock.Elapsed;
            return outcome;
        }

        private async Task SleepAsync(TimeSpan backoff, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _waiting);
            try
            {
                WaitStarted?.Invoke();
                await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }
    }
}
