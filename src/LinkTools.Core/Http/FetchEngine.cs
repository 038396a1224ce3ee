using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// The shared fetch engine, safe to call from many threads. Every request of Test-Link, the crawl and the watch goes
    /// down one chain of stages, each with one job (outermost first):
    /// <list type="number">
    /// <item><see cref="MethodFallbackStage"/>: a HEAD that fails in any way is confirmed by one GET (Method Auto).</item>
    /// <item><see cref="RetryStage"/>: transient failures retried, knowing the host (prompt retry, Retry-After, outages).</item>
    /// <item><see cref="HostGateStage"/>: MaxConcurrencyPerHost, politeness delays, parked and failing hosts.</item>
    /// <item><see cref="GlobalGateStage"/>: ThrottleLimit.</item>
    /// <item><see cref="AttemptStage"/>: the per-attempt deadline (TimeoutSec).</item>
    /// <item><see cref="RedirectStage"/>: redirects followed and recorded; a hop <see cref="RedirectExclusion"/> leaves out is not requested.</item>
    /// <item><see cref="AddressGuardStage"/>: private addresses refused on every hop (ExcludePrivateAddresses).</item>
    /// <item><see cref="TransportStage"/>: one exchange on the run's HttpClient, headers per origin and host.</item>
    /// </list>
    /// At both gates a crawl's pages (<see cref="FetchPageAsync"/>) are served before other waiting requests.
    /// </summary>
    public sealed class FetchEngine : IDisposable
    {
        private readonly HostThrottle _hosts;
        private readonly AttemptStage _attempts;
        private readonly RetryStage _retries;
        private readonly TransportStage _transport;
        private readonly FetchStage _chain;

        /// <param name="options">How to talk to servers; immutable and checked when it was built.</param>
        /// <param name="log">Receives one line per request when verbose output is wanted; null keeps logging off the hot path.</param>
        /// <param name="handler">A handler to use instead of the default one (tests, custom transports).</param>
        public FetchEngine(EngineOptions options, Action<string>? log = null, HttpMessageHandler? handler = null)
        {
            Options = options;
            Addresses = options.ExcludePrivateAddresses ? new AddressGuard() : null;

            // A host is parked for an outage only when retries may wait it out, and never by the watch, which reports outages.
            var outages = options.MaximumRetryCount > 0 && options.WaitOutHostOutages
                ? new OutagePolicy { MaxProbeInterval = options.RetryInterval < OutagePolicy.MinProbeInterval ? OutagePolicy.MinProbeInterval : options.RetryInterval }
                : null;
            _hosts = new HostThrottle(options.MaxConcurrencyPerHost, options.DelayPerHost, outages);

            ICredentials? credentials = options.UseDefaultCredentials ? CredentialCache.DefaultNetworkCredentials : options.Credential;
            Func<HttpMessageHandler>? createHandler = handler == null
                ? () => HttpHandlerFactory.Create(options, credentials == null ? null : new OriginScopedCredentials(credentials, TrustedOrigins))
                : null;
            _transport = new TransportStage(options, TrustedOrigins, handler ?? createHandler!(), createHandler, log);
            _attempts = new AttemptStage(options.Timeout, Statistics, log);
            var global = new GlobalGateStage(options.ThrottleLimit);
            _retries = new RetryStage(options, _hosts, outages, Statistics, log);
            _chain = Chain(
                new MethodFallbackStage(),
                _retries,
                new HostGateStage(_hosts, Statistics, () => global.HasRoom),
                global,
                _attempts,
                new RedirectStage(options.MaximumRedirection, uri => RedirectExclusion?.Invoke(uri)),
                Addresses == null ? null : new AddressGuardStage(Addresses, log),
                _transport);
        }

        public EngineOptions Options { get; }

        /// <summary>Origins that receive the configured headers and credentials; everything else gets neither.</summary>
        public TrustedOrigins TrustedOrigins { get; } = new TrustedOrigins();

        /// <summary>
        /// Why the run leaves a URL out (an -Exclude pattern), or null: a redirect into such a URL stops there, unrequested,
        /// and the fetch fails with <see cref="FailureKind.Excluded"/> (Skipped). Set by the crawl before it starts.
        /// </summary>
        public Func<Uri, string?>? RedirectExclusion { get; set; }

        /// <summary>Requests, retries and waits so far.</summary>
        public FetchStatistics Statistics { get; } = new FetchStatistics();

        /// <summary>The private-address check, when <see cref="EngineOptions.ExcludePrivateAddresses"/> is set.</summary>
        internal AddressGuard? Addresses { get; }

        /// <summary>Requests on the wire right now (for progress and tests).</summary>
        public int InFlight => _attempts.InFlight;

        /// <summary>Calls asleep before a retry right now: they hold no engine slot, so a caller's own cap need not count them.</summary>
        internal int WaitingToRetry => _retries.Waiting;

        /// <summary>Raised (on the calling thread) as a call goes to sleep before a retry.</summary>
        internal event Action? RetryWaitStarted
        {
            add => _retries.WaitStarted += value;
            remove => _retries.WaitStarted -= value;
        }

        /// <summary>Sets a politeness delay between request starts for the host of <paramref name="uri"/>.</summary>
        public void SetHostDelay(Uri uri, TimeSpan delay) => _hosts.SetDelay(uri, delay);

        /// <summary>
        /// Fetches <paramref name="uri"/> with <paramref name="method"/>, following redirects and retrying transient failures.
        /// Never throws for what a server does; throws only <see cref="OperationCanceledException"/> when cancelled.
        /// Both entry points map the host (UTS 46) first, so the gates, the address guard and the handler see one host.
        /// </summary>
        public Task<FetchOutcome> FetchAsync(Uri uri, HttpMethod method, bool readBody, CancellationToken cancellationToken) =>
            _chain.SendAsync(new FetchCall(Urls.HostMapping.Apply(uri), method, readBody), cancellationToken);

        /// <summary>
        /// Fetches a page with GET and its body, keeping its validators; with <paramref name="ifChanged"/>, as a conditional
        /// request, which an unchanged page answers 304 (no body). A page waiting for a slot goes before other waiting
        /// requests (<see cref="FetchCall.Urgent"/>). Otherwise as <see cref="FetchAsync"/>.
        /// </summary>
        public Task<FetchOutcome> FetchPageAsync(Uri uri, PageValidators? ifChanged, CancellationToken cancellationToken) =>
            _chain.SendAsync(new FetchCall(Urls.HostMapping.Apply(uri), HttpMethod.Get, readBody: true) { IfChanged = ifChanged, KeepValidators = true, Urgent = true }, cancellationToken);

        /// <summary>
        /// A bodiless look at <paramref name="uri"/> as <paramref name="policy"/>'s Method says: GET, HEAD, or (Auto) HEAD
        /// with any failure (as the policy judges it) confirmed by one GET. What Test-Link, the crawl's link checks and the watch use.
        /// </summary>
        public Task<FetchOutcome> ProbeAsync(Uri uri, CheckPolicy policy, CancellationToken cancellationToken)
        {
            var method = policy.Method == CheckMethod.Get ? HttpMethod.Get : HttpMethod.Head;
            var call = new FetchCall(Urls.HostMapping.Apply(uri), method, readBody: false) { Policy = policy };
            return _chain.SendAsync(call, cancellationToken);
        }

        private static FetchStage Chain(params FetchStage?[] stages)
        {
            FetchStage? first = null;
            FetchStage? previous = null;
            foreach (var stage in stages)
            {
                if (stage == null) continue;
                if (previous != null) previous.Next = stage;
                first ??= stage;
                previous = stage;
            }

            return first!;
        }

        public void Dispose() => _transport.Dispose();
    }
}
