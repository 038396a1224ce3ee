using System;
using System.Buffers;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// The end of the chain: one HTTP exchange on the run's HttpClient. Adds the headers each origin and host may have,
    /// records the answer, reads a redirect's Location, a Retry-After and, when asked, the body (capped), and turns
    /// transport errors into a failure class and a sentence. Never follows redirects itself.
    /// </summary>
    internal sealed class TransportStage : FetchStage, IDisposable
    {
        private const string AcceptHeader = "text/html,application/xhtml+xml,*/*;q=0.8";
        private readonly EngineOptions _options;
        private readonly TrustedOrigins _trusted;
        private readonly HostHeaders _hostHeaders;
        private readonly HttpClient _client;
        private readonly Lazy<HttpClient>? _freshClient;
        private readonly Action<string>? _log;

        /// <param name="createHandler">Makes a handler like the main one, for the pool that retries use; null when the
        /// handler was given from outside (retries then share its pool, asking for the connection to be closed after).</param>
        public TransportStage(EngineOptions options, TrustedOrigins trusted, HttpMessageHandler handler, Func<HttpMessageHandler>? createHandler, Action<string>? log)
        {
            _options = options;
            _trusted = trusted;
            _hostHeaders = new HostHeaders(options.HostHeaders);
            _log = log;

            // Deadlines are per attempt and enforced by the attempt stage, so the clients themselves never time out.
            _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
            if (createHandler != null)
            {
                _freshClient = new Lazy<HttpClient>(() => new HttpClient(createHandler(), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan });
            }
        }

        public override async Task<FetchOutcome> SendAsync(FetchCall call, CancellationToken cancellationToken)
        {
            var outcome = new FetchOutcome { FinalUri = call.Uri, Method = call.Method.Method };
            var started = Stopwatch.StartNew();
            try
            {
                using var request = CreateRequest(call);
                // A retry goes on a connection of its own pool, closed after use: never the one that just failed.
                var client = call.FreshConnection && _freshClient != null ? _freshClient.Value : _client;
                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
                int status = (int)response.StatusCode;
                Record(outcome, response);

                if (IsRedirect(status))
                {
                    var target = ReadLocation(response, call.Uri, out string problem);
                    // A 3xx that cannot be followed is no answer at all, so it must not pass as Ok.
                    if (target == null) return outcome.Fail(LinkTools.Model.Checking.FailureKind.Http, $"HTTP {status} redirect {problem}", transient: false);
                    outcome.RedirectTo = target;
                    return outcome;
                }

                outcome.IsTransient = RetryPolicy.IsTransientStatus(status);
                if (status == 429 || status == 503) outcome.RetryAfter = RetryPolicy.ReadRetryAfter(response);
                if (call.ReadBody && status >= 200 && status < 300)
                {
                    if (call.KeepValidators) outcome.Validators = PageValidators.Of(response);
                    await ReadBodyAsync(response, outcome, cancellationToken).ConfigureAwait(false);
                }

                _log?.Invoke($"{outcome.Method} {Urls.UrlText.Redact(call.Uri)} -> {status} in {started.ElapsedMilliseconds} ms");
                return outcome;
            }
            catch (HttpRequestException ex)
            {
                var (kind, reason, transient) = FailureClassifier.Classify(ex, call.Uri);
                _log?.Invoke($"{outcome.Method} {Urls.UrlText.Redact(call.Uri)} failed: {reason}");
                return outcome.Fail(kind, reason, transient);
            }
            catch (IOException ex)
            {
                // A body read cut short by the peer.
                var (kind, reason, transient) = FailureClassifier.Classify(ex, call.Uri);
                return outcome.Fail(kind, reason, transient);
            }
        }

        private HttpRequestMessage CreateRequest(FetchCall call)
        {
            var request = new HttpRequestMessage(call.Method, call.Uri);
            request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
            request.Headers.TryAddWithoutValidation("Accept", AcceptHeader); // a constant: no need to parse it on every request
            if (call.FreshConnection) request.Headers.ConnectionClose = true;
            call.IfChanged?.AddTo(request);
            if (_options.Headers.Count > 0 && _trusted.Contains(call.Uri)) Add(request, _options.Headers);
            if (!_hostHeaders.IsEmpty) Add(request, _hostHeaders.For(call.Uri));
            return request;
        }

        private static void Add(HttpRequestMessage request, IEnumerable<KeyValuePair<string, string>> headers)
        {
            foreach (var header in headers)
            {
                request.Headers.Remove(header.Key);
                if (!request.Headers.TryAddWithoutValidation(header.Key, header.Value))
                {
                    request.Content ??= new ByteArrayContent(Array.Empty<byte>());
                    request.Content.Headers.Remove(header.Key);
                    request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }
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

        private static bool IsRedirect(int status) =>
            status == 301 || status == 302 || status == 303 || status == 307 || status == 308;

        private static void Record(FetchOutcome outcome, HttpResponseMessage response)
        {
            outcome.StatusCode = (int)response.StatusCode;
            outcome.Reason = StatusReasons.Of((int)response.StatusCode, response.ReasonPhrase);
            MediaTypeHeaderValue? type = response.Content?.Headers.ContentType;
            outcome.ContentType = type?.MediaType;
            outcome.Charset = type?.CharSet;

            // Cloudflare marks its bot challenges with this header; nothing else of the headers is kept.
            outcome.BotChallenge = response.Headers.Contains("cf-mitigated");
            outcome.Failure = LinkTools.Model.Checking.FailureKind.None;
        }

        private async Task ReadBodyAsync(HttpResponseMessage response, FetchOutcome outcome, CancellationToken cancellationToken)
        {
            long cap = _options.MaxBodyBytes;
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
                        var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, cap)); // cap <= 1 GB (EngineOptions.MaxBodyBytes)
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

        public void Dispose()
        {
            _client.Dispose();
            if (_freshClient is { IsValueCreated: true }) _freshClient.Value.Dispose();
        }
    }
}
