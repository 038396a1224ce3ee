using System;
using System.Collections.Generic;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using LinkTools.Core.Checking;
using LinkTools.Core.Settings;
using LinkTools.Model.Checking;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Http
{
    /// <summary>Everything that shapes how the engine talks to servers. One engine (and one HttpClient) per options instance.</summary>
    public sealed class EngineOptions
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

        public static string DefaultUserAgent { get; } =
            "LinkTools/" + typeof(EngineOptions).Assembly.GetName().Version!.ToString(3) + " (link checker; PowerShell module)";

        /// <summary>Requests in flight at once, across all hosts.</summary>
        public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

        /// <summary>Requests in flight at once to one host (host:port).</summary>
        public int MaxConcurrencyPerHost { get; set; } = DefaultMaxConcurrencyPerHost;

        /// <summary>Deadline for one attempt: connect, headers, redirects and any body read.</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(DefaultTimeoutSec);

        public CheckMethod Method { get; set; } = CheckMethod.Auto;

        public int MaximumRedirection { get; set; } = DefaultMaximumRedirection;

        /// <summary>Retries after the first attempt, for transient failures only.</summary>
        public int MaximumRetryCount { get; set; } = DefaultMaximumRetryCount;

        /// <summary>
        /// Park a host that fails most of its recent requests, probe it, and retry its requests once it answers (when
        /// retries are on). The watch turns it off: an outage is what it reports.
        /// </summary>
        public bool WaitOutHostOutages { get; set; } = true;

        /// <summary>Upper bound of the wait before a retry: this doubled per retry (server errors are retried sooner, see the README).</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(DefaultRetryIntervalSec);

        /// <summary>The longest Retry-After the engine waits out; a longer one is reported rather than waited for.</summary>
        public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(DefaultMaxRetryAfterSec);

        /// <summary>Pause between the starts of two requests to the same host (politeness).</summary>
        public TimeSpan DelayPerHost { get; set; } = TimeSpan.Zero;

        /// <summary>Most body bytes read (after decompression) when a body is needed.</summary>
        public long MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

        /// <summary>Headers sent with every request to the origins the run trusts (never to other hosts reached by redirects).</summary>
        public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Headers for one host each, keyed by host, host:port or http(s) origin: sent to that host only (whether or not it is
        /// a trusted origin), never elsewhere.
        /// </summary>
        public IDictionary<string, IDictionary<string, string>> HostHeaders { get; } = new Dictionary<string, IDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);

        public string UserAgent { get; set; } = DefaultUserAgent;

        /// <summary>Credentials for the trusted origins only.</summary>
        public ICredentials? Credential { get; set; }

        /// <summary>Windows integrated authentication (NTLM/Negotiate) for the trusted origins.</summary>
        public bool UseDefaultCredentials { get; set; }

        public X509Certificate2? ClientCertificate { get; set; }

        public bool SkipCertificateCheck { get; set; }

        public Uri? Proxy { get; set; }

        public ICredentials? ProxyCredential { get; set; }

        /// <summary>
        /// Refuse hosts that resolve to loopback, link-local (169.254.169.254), RFC 1918, shared or unique-local addresses,
        /// checked on every hop, so untrusted content cannot steer the engine at internal services. See <see cref="AddressGuard"/>.
        /// </summary>
        public bool ExcludePrivateAddresses { get; set; }

        /// <summary>Status codes counted as not broken (for example 429, or 999 for some sites).</summary>
        public ISet<int> AcceptStatusCodes { get; } = new HashSet<int>();

        /// <summary>Null when <paramref name="key"/> can key <see cref="HostHeaders"/> (a host, host:port or http(s) origin); otherwise why not.</summary>
        public static string? HostKeyProblem(string key) => Http.HostHeaders.Check(key);

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range, or <see cref="ArgumentException"/> naming a header that cannot be sent.</summary>
        public void Validate()
        {
            SettingChecks.Between(ThrottleLimit, SettingDescriptions.ThrottleLimit, nameof(ThrottleLimit));
            SettingChecks.Between(MaxConcurrencyPerHost, SettingDescriptions.MaxConcurrencyPerHost, nameof(MaxConcurrencyPerHost));
            // Any positive deadline up to the maximum: tests run on fractions of the front ends' whole seconds.
            SettingChecks.Span(Timeout, TimeSpan.FromSeconds(SettingDescriptions.TimeoutSec.Max), positive: true, nameof(Timeout));
            SettingChecks.Between(MaximumRedirection, SettingDescriptions.MaximumRedirection, nameof(MaximumRedirection));
            SettingChecks.Between(MaximumRetryCount, SettingDescriptions.MaximumRetryCount, nameof(MaximumRetryCount));
            SettingChecks.BetweenSeconds(RetryInterval, SettingDescriptions.RetryIntervalSec, nameof(RetryInterval));
            SettingChecks.BetweenSeconds(DelayPerHost, SettingDescriptions.DelaySec, nameof(DelayPerHost));
            SettingChecks.Between(MaxBodyBytes, SettingDescriptions.MaxPageBytes, nameof(MaxBodyBytes));
            foreach (int code in AcceptStatusCodes) SettingChecks.Between(code, SettingDescriptions.AcceptStatusCode, nameof(AcceptStatusCodes));
            foreach (var header in Headers)
            {
                if (RequestHeaderRules.Problem(header.Key, header.Value) is string problem)
                {
                    throw new ArgumentException(nameof(Headers) + ": " + problem + ".", nameof(Headers));
                }
            }

            foreach (var host in HostHeaders)
            {
                if (HostKeyProblem(host.Key) is string keyProblem) throw new ArgumentException(nameof(HostHeaders) + ": " + keyProblem, nameof(HostHeaders));
                foreach (var header in host.Value)
                {
                    if (RequestHeaderRules.Problem(header.Key, header.Value) is string problem)
                    {
                        throw new ArgumentException(nameof(HostHeaders) + ": " + problem + ".", nameof(HostHeaders));
                    }
                }
            }
        }
    }
}
