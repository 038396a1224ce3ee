using System;
using System.Collections;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using System.Collections.Generic;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>The connection parameters every LinkTools cmdlet shares, named as in Invoke-WebRequest.</summary>
    public abstract class LinkCheckCmdletBase : PSCmdlet
    {
        /// <summary>The most requests in flight at once, across all hosts. Raise it for long URL lists on many hosts; the per-host limit still protects each server.</summary>
        [Parameter]
        [ValidateRange(EngineLimits.ThrottleLimitMin, EngineLimits.ThrottleLimitMax)]
        public int ThrottleLimit { get; set; } = EngineOptions.DefaultThrottleLimit;

        /// <summary>The most requests in flight at once to one host (host and port). Lower it for fragile or rate-limited servers.</summary>
        [Parameter]
        [ValidateRange(EngineLimits.MaxConcurrencyPerHostMin, EngineLimits.MaxConcurrencyPerHostMax)]
        public int MaxConcurrencyPerHost { get; set; } = EngineOptions.DefaultMaxConcurrencyPerHost;

        /// <summary>Seconds one attempt may take in all: connecting, TLS, redirects and any body read. A link that runs out of time is Broken with FailureKind Timeout.</summary>
        [Parameter]
        [ValidateRange(EngineLimits.TimeoutSecMin, EngineLimits.TimeoutSecMax)]
        public int TimeoutSec { get; set; } = EngineOptions.DefaultTimeoutSec;

        /// <summary>The most redirects followed for one link. More than this makes the link Broken with FailureKind TooManyRedirects; with 0, any redirect counts as broken.</summary>
        [Parameter]
        [ValidateRange(EngineLimits.MaximumRedirectionMin, EngineLimits.MaximumRedirectionMax)]
        public int MaximumRedirection { get; set; } = EngineOptions.DefaultMaximumRedirection;

        /// <summary>The most retries of one link, for transient failures only (timeouts, dropped connections, 408, 429 and 5xx other than 501 and 505). A 404 is never retried. A server error on a host that answers other requests gets one prompt retry (a few hundred milliseconds later, on a new connection); a host failing most requests is paused and probed, and its links retried once it answers.</summary>
        [Parameter]
        [ValidateRange(EngineLimits.MaximumRetryCountMin, EngineLimits.MaximumRetryCountMax)]
        public int MaximumRetryCount { get; set; } = EngineOptions.DefaultMaximumRetryCount;

        /// <summary>The longest wait before the first retry, in seconds; each further retry may wait twice as long. Server errors and dropped connections are retried sooner (about 250 ms), rate limits (429) wait the full interval, and a server's Retry-After header takes precedence (up to 60 s).</summary>
        [Parameter]
        [ValidateRange(EngineLimits.RetryIntervalSecMin, EngineLimits.RetryIntervalSecMax)]
        public int RetryIntervalSec { get; set; } = EngineOptions.DefaultRetryIntervalSec;

        /// <summary>Extra request headers, as a hashtable (@{ Authorization = 'Bearer ...' }). They are sent only to the origins of the URLs you gave, never to other hosts reached through redirects. A name that is not a valid header name, a value with a line break, and the headers the HTTP stack writes itself (Host, Content-Length, Transfer-Encoding, Connection and the like) are refused before anything is sent.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Headers { get; set; }

        /// <summary>Headers for one host each: a hashtable keyed by host (api.example.com), host:port or origin (https://api.example.com), each value a hashtable of headers, such as @{ 'api.example.com' = @{ Authorization = "Bearer $token" } }. They are sent to that host only, whether or not it is one of the URLs you gave (a crawl's API links, for one), and never to any other host.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? HostHeaders { get; set; }

        /// <summary>The User-Agent header sent with every request. The default names LinkTools and its version.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string UserAgent { get; set; } = EngineOptions.DefaultUserAgent;

        /// <summary>Credentials for Basic, Digest, NTLM or Negotiate authentication, sent only to the origins of the URLs you gave.</summary>
        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        /// <summary>Authenticates as the current user (Windows integrated authentication) to the origins of the URLs you gave. Not with -Credential.</summary>
        [Parameter]
        public SwitchParameter UseDefaultCredentials { get; set; }

        /// <summary>A client certificate for servers that require one (mutual TLS).</summary>
        [Parameter]
        [ValidateNotNull]
        public X509Certificate? Certificate { get; set; }

        /// <summary>Accepts invalid or self-signed server certificates. Use it for test servers only: certificate errors are then not reported as Broken.</summary>
        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Refuse hosts resolving to loopback, link-local, private or unique-local addresses (untrusted content in CI).</summary>
        [Parameter]
        public SwitchParameter ExcludePrivateAddresses { get; set; }

        /// <summary>A proxy server to send every request through, instead of the system proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the proxy given with -Proxy; refused without -Proxy.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>HTTP status codes (100-999) counted as not broken, for example 429 or 999 for sites that answer checkers that way. A link that answers one of them is Ok.</summary>
        [Parameter]
        [ValidateRange(EngineLimits.StatusCodeMin, EngineLimits.StatusCodeMax)]
        public int[]? AcceptStatusCode { get; set; }

        /// <summary>The demo's timings for a -Demo run, except for -TimeoutSec or -RetryIntervalSec when bound.</summary>
        /// <remarks>Internal, not protected: engine types stay out of PowerShell's sight.</remarks>
        internal static void ApplyDemoSettings(EngineOptions options, ICollection<string> boundParameters) =>
            DemoEngineSettings.Apply(options, boundParameters.Contains(nameof(TimeoutSec)), boundParameters.Contains(nameof(RetryIntervalSec)));

        /// <summary>
        /// Ends the command with an InvalidArgument error naming the parameter behind a setting the engine refused,
        /// with the value given as its target.
        /// </summary>
        internal void ThrowInvalidSetting(ArgumentException error)
        {
            string? parameter = SettingErrors.ParameterFor(error.ParamName);
            object? value = parameter != null && MyInvocation.BoundParameters.TryGetValue(parameter, out var bound) ? bound : null;
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(SettingErrors.Message(error), error), "InvalidArgument", ErrorCategory.InvalidArgument, value));
        }

        /// <summary>Ends the command, naming both parameters, when two given together contradict each other.</summary>
        internal void RefuseConflictingParameters()
        {
            if (Credential != null && UseDefaultCredentials.IsPresent)
            {
                ThrowConflict("-Credential and -UseDefaultCredentials cannot be used together: give a credential, or authenticate as the current user.");
            }

            if (ProxyCredential != null && Proxy == null)
            {
                ThrowConflict("-ProxyCredential needs -Proxy: it is sent only to the proxy that -Proxy names.");
            }
        }

        internal void ThrowConflict(string message) =>
            ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "ParameterConflict", ErrorCategory.InvalidArgument, null));

        /// <summary>Engine options from the bound parameters; a bad value ends the command with an error naming it.</summary>
        /// <remarks>Internal, not protected: PowerShell sees protected members, and engine types must stay out of its sight.</remarks>
        internal EngineOptions BuildEngineOptions()
        {
            RefuseConflictingParameters();
            var options = new EngineOptions
            {
                ThrottleLimit = ThrottleLimit,
                MaxConcurrencyPerHost = MaxConcurrencyPerHost,
                Timeout = TimeSpan.FromSeconds(TimeoutSec),
                MaximumRedirection = MaximumRedirection,
                MaximumRetryCount = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                UserAgent = UserAgent,
                Credential = Credential?.GetNetworkCredential(),
                UseDefaultCredentials = UseDefaultCredentials.IsPresent,
                ClientCertificate = Certificate == null ? null : new X509Certificate2(Certificate),
                SkipCertificateCheck = SkipCertificateCheck.IsPresent,
                ExcludePrivateAddresses = ExcludePrivateAddresses.IsPresent,
                Proxy = Proxy,
                ProxyCredential = ProxyCredential?.GetNetworkCredential(),
            };

            // The engine refuses a header that cannot be sent (EngineOptions.Validate), naming it.
            foreach (DictionaryEntry entry in Headers ?? new Hashtable())
            {
                options.Headers[entry.Key?.ToString() ?? ""] = entry.Value?.ToString() ?? "";
            }

            if (HostHeaders != null) AddHostHeaders(options, HostHeaders);

            foreach (int code in AcceptStatusCode ?? Array.Empty<int>())
            {
                options.AcceptStatusCodes.Add(code);
            }

            return options;
        }

        /// <summary>Copies -HostHeaders; the engine checks each host and header when it validates the options.</summary>
        private void AddHostHeaders(EngineOptions options, IDictionary byHost)
        {
            foreach (DictionaryEntry entry in byHost)
            {
                string host = entry.Key?.ToString() ?? "";
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is not IDictionary headers)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-HostHeaders: the value for '{host}' must be a hashtable of headers, such as @{{ Authorization = 'Bearer ...' }}."),
                        "InvalidHeader", ErrorCategory.InvalidArgument, byHost));
                    return;
                }

                // Names and values are held to the same rules as -Headers when the engine validates the options.
                var set = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (DictionaryEntry header in headers) set[header.Key?.ToString() ?? ""] = header.Value?.ToString() ?? "";

                options.HostHeaders[host] = set;
            }
        }
    }
}
