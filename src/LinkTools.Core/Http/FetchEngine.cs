using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// The shared fetch engine: one HttpClient, a global and a per-host concurrency limit, redirects followed
    /// and recorded, per-attempt deadlines, and retries for transient failures. Safe to call from many threads.
    /// </summary>
    public sealed class FetchEngine : IDisposable
    {
        private readonly HttpClient _client;
        private readonly SemaphoreSlim _globalSlots;
        private readonly HostThrottle _hosts;
        private readonly RetryPolicy _retry;
        private readonly Action<string>? _log;
        private int _inFlight;

        /// <param name="options">Validated and then owned by the engine; do not change it afterwards.</param>
        /// <param name="log">Receives one line per request when verbose output is wanted; null keeps logging off the hot path.</param>
        /// <param name="handler">A handler to use instead of the default one (tests, custom transports).</param>
        public FetchEngine(EngineOptions options, Action<string>? log = null, HttpMessageHandler? handler = null)
        {
            options.Validate();
            Options = options;
            _log = log;
            _retry = new RetryPolicy(options);
            _globalSlots = new SemaphoreSlim(options.ThrottleLimit, options.ThrottleLimit);
            _hosts = new HostThrottle(options.MaxConcurrencyPerHost, options.DelayPerHost);
            Addresses = options.ExcludePrivateAddresses ? new AddressGuard() : null;

            ICredentials? credentials = options.UseDefaultCredentials ? CredentialCache.DefaultNetworkCredentials : options.Credential;
            handler ??= HttpHandlerFactory.Create(options, credentials == null ? null : new OriginScopedCredentials(credentials, TrustedOrigins));

            // Deadlines are per attempt and enforced by the engine, so the client itself never times out.
            _client = new HttpClient(handler, disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        }

        public EngineOptions Options { get; }

        /// <summary>Origins that receive the configured headers and credentials; everything else gets neither.</summary>
        public TrustedOrigins TrustedOrigins { get; } = new TrustedOrigins();

        /// <summary>The private-address check, when <see cref="EngineOptions.ExcludePrivateAddresses"/> is set.</summary>
        internal AddressGuard? Addresses { get; }

        /// <summary>Requests on the wire right now (for progress and tests).</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>Sets a politeness delay between request starts for the host of <paramref name="uri"/>.</summary>
        public void SetHostDelay(Uri uri, TimeSpan delay) => _hosts.SetDelay(uri, delay);

        /// <summary>
        /// Fetches <paramref name="uri"/>, following redirects and retrying transient failures.
        /// Never throws for what a server does; throws only <see cref="OperationCanceledException"/> when cancelled.
        /// </summary>
        public async Task<FetchOutcome> FetchAsync(Uri uri, HttpMethod method, bool readBody, CancellationToken cancellationToken)
        {
            var clock = Stopwatch.StartNew();
            var gate = _hosts.For(uri);
            FetchOutcome outcome;
            int attempts = 0;

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                attempts++;

                await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await _globalSlots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    try
                    {
                        outcome = await AttemptAsync(uri, method, readBody, cancellationToken).ConfigureAwait(false);
                    }
                    finally
                    {
                        _globalSlots.Release();
                    }
                }
                finally
                {
                    gate.Exit();
                }

                if (!outcome.IsTransient || attempts > Options.MaximumRetryCount)
                {
                    break;
                }

                if (outcome.RetryAfter is TimeSpan asked)
                {
                    if (asked > Options.MaxRetryAfter)
                    {
                        outcome.RetryAfterExceeded = true;
                        outcome.Reason += $"; the server asked to wait {Durations.Format(asked)}, longer than the {Durations.Format(Options.MaxRetryAfter)} cap, so it was not waited out";
                        break;
                    }

                    // Park the host so its other queued requests wait too, while other hosts go on.
                    gate.Park(asked);
                    _log?.Invoke($"{Urls.UrlText.Redact(uri)}: {outcome.Reason}; host parked for {Durations.Format(asked)} (Retry-After)");
                }
                else
                {
                    var backoff = _retry.Backoff(attempts);
                    _log?.Invoke($"{Urls.UrlText.Redact(uri)}: {outcome.Reason}; retry {attempts} of {Options.MaximumRetryCount} in {Durations.Format(backoff)}");
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
            }

            outcome.Attempts = attempts;
            outcome.Elapsed = clock.Elapsed;
            return outcome;
        }

        private async Task<FetchOutcome> AttemptAsync(Uri uri, HttpMethod method, bool readBody, CancellationToken cancellationToken)
        {
            // The host is mapped once, here, so the address guard decides on the host the handler connects to.
            uri = Urls.HostMapping.Apply(uri);
            var chain = new List<Uri> { uri };
            var outcome = new FetchOutcome { FinalUri = uri, RedirectChain = chain, Method = method.Method };
            var current = uri;
            var started = Stopwatch.StartNew();

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(Options.Timeout);
            Interlocked.Increment(ref _inFlight);
            try
            {
                while (true)
                {
                    // Checked on every hop: a public page may redirect to an internal address.
                    var excluded = Addresses == null ? null : await Addresses.RefusalAsync(current, deadline.Token).ConfigureAwait(false);
                    if (excluded is (FailureKind refusedAs, string refusal))
                    {
                        outcome.FinalUri = current;
                        _log?.Invoke($"{outcome.Method} {Urls.UrlText.Redact(current)} refused: {refusal}");
                        return Fail(outcome, refusedAs, refusal, transient: false);
                    }

                    using var request = CreateRequest(method, current);
                    using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;

                    if (IsRedirect(status))
                    {
                        var target = ReadLocation(response, current, out string problem);
                        if (target == null)
                        {
                            // A 3xx that cannot be followed is no answer at all, so it must not pass as Ok.
                            Record(outcome, response, current);
                            return Fail(outcome, FailureKind.Http, $"HTTP {status} redirect {problem}", transient: false);
                        }

                        target = Urls.HostMapping.Apply(target);
                        string? refused = CheckRedirect(current, target, chain, status, out var kind);
                        if (refused != null)
                        {
                            Record(outcome, response, current);
                            return Fail(outcome, kind, refused, transient: false);
                        }

                        chain.Add(target);
                        current = target;
                        if (status == 303 && method != HttpMethod.Head) method = HttpMethod.Get;
                        continue;
                    }

                    Record(outcome, response, current);
                    outcome.IsTransient = RetryPolicy.IsTransientStatus(status);
                    if (status == 429 || status == 503)
                    {
                        outcome.RetryAfter = RetryPolicy.ReadRetryAfter(response);
                    }

                    if (readBody && status >= 200 && status < 300)
                    {
                        await ReadBodyAsync(response, outcome, deadline.Token).ConfigureAwait(false);
                    }

                    _log?.Invoke($"{outcome.Method} {Urls.UrlText.Redact(current)} -> {status} in {started.ElapsedMilliseconds} ms");
                    return outcome;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                outcome.FinalUri = current;
                _log?.Invoke($"{outcome.Method} {Urls.UrlText.Redact(current)} timed out after {Durations.Format(Options.Timeout)}");
                return Fail(outcome, FailureKind.Timeout, "timed out after " + Durations.Format(Options.Timeout), transient: true);
            }
            catch (HttpRequestException ex)
            {
                outcome.FinalUri = current;
                var (kind, reason, transient) = FailureClassifier.Classify(ex, current);
                _log?.Invoke($"{outcome.Method} {Urls.UrlText.Redact(current)} failed: {reason}");
                return Fail(outcome, kind, reason, transient);
            }
            catch (IOException ex)
            {
                // A body read cut short by the peer.
                outcome.FinalUri = current;
                var (kind, reason, transient) = FailureClassifier.Classify(ex, current);
                return Fail(outcome, kind, reason, transient);
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private const string AcceptHeader = "text/html,application/xhtml+xml,*/*;q=0.8";

        private HttpRequestMessage CreateRequest(HttpMethod method, Uri uri)
        {
            var request = new HttpRequestMessage(method, uri);
            request.Headers.TryAddWithoutValidation("User-Agent", Options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", AcceptHeader); // a constant: no need to parse it on every request
            if (Options.Headers.Count > 0 && TrustedOrigins.Contains(uri))
            {
                foreach (var header in Options.Headers)
                {
                    if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
                    {
                        request.Content ??= new ByteArrayContent(Array.Empty<byte>());
                        request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }
            }

            return request;
        }

        /// <summary>
        /// The one target of a redirect, or null and why there is none. Servers send no Location, several that disagree,
        /// or one that does not parse; browsers refuse all three rather than guess, and so does the engine.
        /// </summary>
        private static Uri? ReadLocation(HttpResponseMessage response, Uri current, out string problem)
        {
            problem = "";
            if (!response.Headers.TryGetValues("Location", out var values))
            {
                problem = "without a Location header";
                return null;
            }

            var distinct = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values) distinct.Add(value.Trim());
            if (distinct.Count != 1)
            {
                problem = "with conflicting Location headers";
                return null;
            }

            if (response.Headers.Location is Uri parsed)
            {
                return parsed.IsAbsoluteUri ? parsed : new Uri(current, parsed);
            }

            foreach (var value in distinct)
            {
                if (Uri.TryCreate(current, value, out var resolved)) return resolved;
            }

            problem = "to a Location that is not a URL";
            return null;
        }

        private string? CheckRedirect(Uri from, Uri target, List<Uri> chain, int status, out FailureKind kind)
        {
            if (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps)
            {
                kind = FailureKind.UnsupportedScheme;
                return $"redirect to a {target.Scheme}: URL refused ({status} from {Urls.UrlText.Redact(from)})";
            }

            if (chain.Exists(seen => UriEquals(seen, target)))
            {
                kind = FailureKind.RedirectLoop;
                return "redirect loop at " + Urls.UrlText.Redact(target);
            }

            if (chain.Count > Options.MaximumRedirection)
            {
                kind = FailureKind.TooManyRedirects;
                return $"more than {Options.MaximumRedirection} redirects";
            }

            kind = FailureKind.None;
            return null;
        }

        private static bool UriEquals(Uri a, Uri b) =>
            Uri.Compare(a, b, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;

        private static bool IsRedirect(int status) =>
            status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        private static void Record(FetchOutcome outcome, HttpResponseMessage response, Uri current)
        {
            outcome.FinalUri = current;
            outcome.StatusCode = (int)response.StatusCode;
            outcome.Reason = StatusReasons.Of((int)response.StatusCode, response.ReasonPhrase);
            MediaTypeHeaderValue? type = response.Content?.Headers.ContentType;
            outcome.ContentType = type?.MediaType;
            outcome.Charset = type?.CharSet;

            // Cloudflare marks its bot challenges with this header; nothing else of the headers is kept.
            outcome.BotChallenge = response.Headers.Contains("cf-mitigated");
            outcome.Failure = FailureKind.None;
        }

        private async Task ReadBodyAsync(HttpResponseMessage response, FetchOutcome outcome, CancellationToken cancellationToken)
        {
            long cap = Options.MaxBodyBytes;
            var declared = response.Content.Headers.ContentLength;
            using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);

            // The common case, a declared length under the cap, reads straight into the final array: no copies.
            // (With automatic decompression the handler drops Content-Length, so a bomb cannot get here.)
            if (declared is long length && length > 0 && length <= cap)
            {
                var body = new byte[length];
                int filled = 0;
                int read;
                while (filled < body.Length && (read = await stream.ReadAsync(body, filled, body.Length - filled, cancellationToken).ConfigureAwait(false)) > 0)
                {
                    filled += read;
                }

                if (filled < body.Length) Array.Resize(ref body, filled);
                outcome.BodyTruncated = false;
                outcome.Body = body;
                return;
            }

            // Unknown length (chunked, compressed): read into pooled buffers and keep one exact-size copy, so a
            // 1 KB page costs 1 KB, not a 16 KB stream buffer.
            var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
            int total = 0;
            try
            {
                while (total < cap)
                {
                    if (total == buffer.Length)
                    {
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap)); // cap <= 1 GB (Validate)
                        Buffer.BlockCopy(buffer, 0, larger, 0, total);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    int wanted = (int)Math.Min(buffer.Length - total, cap - total);
                    int read = await stream.ReadAsync(buffer, total, wanted, cancellationToken).ConfigureAwait(false);
                    if (read == 0) break;
                    total += read;
                }

                outcome.BodyTruncated = total >= cap;
                var body = new byte[total];
                Buffer.BlockCopy(buffer, 0, body, 0, total);
                outcome.Body = body;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private static FetchOutcome Fail(FetchOutcome outcome, FailureKind kind, string reason, bool transient)
        {
            outcome.Failure = kind;
            outcome.Reason = Text.ConsoleText.WithoutControls(reason); // may quote the server (an invalid status line)
            outcome.IsTransient = transient;
            outcome.Body = null;
            return outcome;
        }

        public void Dispose()
        {
            // The semaphores are left undisposed: checks still unwinding after a stop release them safely.
            _client.Dispose();
        }
    }
}
