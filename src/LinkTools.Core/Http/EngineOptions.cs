using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using LinkTools.Core.Checking;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// How the engine talks to servers: throttles, deadlines, redirects, retries, pacing, body cap, headers, identity,
    /// TLS, proxy and the addresses it may reach. How an answer is judged is the check's (<see cref="CheckPolicy"/>).
    /// One engine (and one HttpClient) per options instance. Immutable: each value is checked against its setting's
    /// description as it is set (an object initializer or <c>with</c> is the builder), so an instance that exists is valid.
    /// </summary>
    public sealed record EngineOptions
    {
        // The front ends' defaults, as the settings' descriptions state them.
        public static int DefaultThrottleLimit => SettingDescriptions.ThrottleLimit.IntDefault;
        public static int DefaultMaxConcurrencyPerHost => SettingDescriptions.MaxConcurrencyPerHost.IntDefault;
        public static int DefaultTimeoutSec => SettingDescriptions.TimeoutSec.IntDefault;
        public static int DefaultMaximumRedirection => SettingDescriptions.MaximumRedirection.IntDefault;
        public static int DefaultMaximumRetryCount => SettingDescriptions.MaximumRetryCount.IntDefault;
        public static int DefaultRetryIntervalSec => SettingDescriptions.RetryIntervalSec.IntDefault;
        public static long DefaultMaxBodyBytes => (long)SettingDescriptions.MaxPageBytes.Default!;
        public const int DefaultMaxRetryAfterSec = 60;

        public static string DefaultUserAgent => (string)SettingDescriptions.UserAgent.Default!;

        private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();
        private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> NoHostHeaders = new Dictionary<string, IReadOnlyDictionary<string, string>>();

        private readonly int _throttleLimit = DefaultThrottleLimit;
        private readonly int _maxConcurrencyPerHost = DefaultMaxConcurrencyPerHost;
        private readonly TimeSpan _timeout = TimeSpan.FromSeconds(DefaultTimeoutSec);
        private readonly int _maximumRedirection = DefaultMaximumRedirection;
        private readonly int _maximumRetryCount = DefaultMaximumRetryCount;
        private readonly TimeSpan _retryInterval = TimeSpan.FromSeconds(DefaultRetryIntervalSec);
        private readonly TimeSpan _delayPerHost = TimeSpan.Zero;
        private readonly long _maxBodyBytes = DefaultMaxBodyBytes;
        private readonly IReadOnlyDictionary<string, string> _headers = NoHeaders;
        private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _hostHeaders = NoHostHeaders;

        /// <summary>Requests in flight at once, across all hosts.</summary>
        public int ThrottleLimit
        {
            get => _throttleLimit;
            init => _throttleLimit = SettingValidation.Between(value, SettingDescriptions.ThrottleLimit, nameof(ThrottleLimit));
        }

        /// <summary>Requests in flight at once to one host (host:port).</summary>
        public int MaxConcurrencyPerHost
        {
            get => _maxConcurrencyPerHost;
            init => _maxConcurrencyPerHost = SettingValidation.Between(value, SettingDescriptions.MaxConcurrencyPerHost, nameof(MaxConcurrencyPerHost));
        }

        /// <summary>Deadline for one attempt: connect, headers, redirects and any body read.</summary>
        public TimeSpan Timeout
        {
            get => _timeout;
            // Any positive deadline up to the maximum: tests run on fractions of the front ends' whole seconds.
            init => _timeout = SettingValidation.Span(value, TimeSpan.FromSeconds(SettingDescriptions.TimeoutSec.Max), positive: true, nameof(Timeout));
        }

        public int MaximumRedirection
        {
            get => _maximumRedirection;
            init => _maximumRedirection = SettingValidation.Between(value, SettingDescriptions.MaximumRedirection, nameof(MaximumRedirection));
        }

        /// <summary>Retries after the first attempt, for transient failures only.</summary>
        public int MaximumRetryCount
        {
            get => _maximumRetryCount;
            init => _maximumRetryCount = SettingValidation.Between(value, SettingDescriptions.MaximumRetryCount, nameof(MaximumRetryCount));
        }

        /// <summary>
        /// Park a host that fails most of its recent requests, probe it, and retry its requests once it answers (when
        /// retries are on). The watch turns it off: an outage is what it reports.
        /// </summary>
        public bool WaitOutHostOutages { get; init; } = true;

        /// <summary>Upper bound of the wait before a retry: this doubled per retry (server errors are retried sooner, see the README).</summary>
        public TimeSpan RetryInterval
        {
            get => _retryInterval;
            init => _retryInterval = SettingValidation.BetweenSeconds(value, SettingDescriptions.RetryIntervalSec, nameof(RetryInterval));
        }

        /// <summary>The longest Retry-After the engine waits out; a longer one is reported rather than waited for.</summary>
        public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(DefaultMaxRetryAfterSec);

        /// <summary>Pause between the starts of two requests to the same host (politeness).</summary>
        public TimeSpan DelayPerHost
        {
            get => _delayPerHost;
            init => _delayPerHost = SettingValidation.BetweenSeconds(value, SettingDescriptions.DelaySec, nameof(DelayPerHost));
        }

        /// <summary>Most body bytes read (after decompression) when a body is needed.</summary>
        public long MaxBodyBytes
        {
            get => _maxBodyBytes;
            init => _maxBodyBytes = SettingValidation.Between(value, SettingDescriptions.MaxPageBytes, nameof(MaxBodyBytes));
        }

        /// <summary>
        /// Headers sent with every request to the origins the run trusts (never to other hosts reached by redirects),
        /// names ignoring case. A header that cannot be sent is refused, naming it.
        /// </summary>
        public IReadOnlyDictionary<string, string> Headers
        {
            get => _headers;
            init => _headers = CheckedHeaders(value, nameof(Headers));
        }

        /// <summary>
        /// Headers for one host each, keyed by host, host:port or http(s) origin: sent to that host only (whether or not it is
        /// a trusted origin), never elsewhere. A key that names no host, or a header that cannot be sent, is refused.
        /// </summary>
        public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> HostHeaders
        {
            get => _hostHeaders;
            init
            {
                var byHost = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var host in value)
                {
                    if (HostKeyProblem(host.Key) is string keyProblem) throw new ArgumentException(nameof(HostHeaders) + ": " + keyProblem, nameof(HostHeaders));
                    byHost[host.Key] = CheckedHeaders(host.Value, nameof(HostHeaders));
                }

                _hostHeaders = byHost;
            }
        }

        public string UserAgent { get; init; } = DefaultUserAgent;

        /// <summary>Credentials for the trusted origins only.</summary>
        public ICredentials? Credential { get; init; }

        /// <summary>Windows integrated authentication (NTLM/Negotiate) for the trusted origins.</summary>
        public bool UseDefaultCredentials { get; init; }

        public X509Certificate2? ClientCertificate { get; init; }

        public bool SkipCertificateCheck { get; init; }

        public Uri? Proxy { get; init; }

        public ICredentials? ProxyCredential { get; init; }

        /// <summary>
        /// Refuse hosts that resolve to loopback, link-local (169.254.169.254), RFC 1918, shared or unique-local addresses,
        /// checked on every hop, so untrusted content cannot steer the engine at internal services. See <see cref="AddressGuard"/>.
        /// </summary>
        public bool ExcludePrivateAddresses { get; init; }

        /// <summary>Null when <paramref name="key"/> can key <see cref="HostHeaders"/> (a host, host:port or http(s) origin); otherwise why not.</summary>
        public static string? HostKeyProblem(string key) => Http.HostHeaders.KeyProblem(key);

        // The record's generated text would list headers and credentials.
        public override string ToString() => nameof(EngineOptions);

        private static IReadOnlyDictionary<string, string> CheckedHeaders(IEnumerable<KeyValuePair<string, string>> headers, string setting)
        {
            var checkedHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var header in headers)
            {
                if (RequestHeaderRules.Problem(header.Key, header.Value) is string problem)
                {
                    throw new ArgumentException(setting + ": " + problem + ".", setting);
                }

                checkedHeaders[header.Key] = header.Value;
            }

            return checkedHeaders;
        }
    }
}
