using System;
using System.Collections;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using LinkTools.Core.Http;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>The connection parameters every LinkTools cmdlet shares, named as in Invoke-WebRequest.</summary>
    public abstract class LinkCheckCmdletBase : PSCmdlet
    {
        [Parameter]
        [ValidateRange(1, 1024)]
        public int ThrottleLimit { get; set; } = EngineOptions.DefaultThrottleLimit;

        [Parameter]
        [ValidateRange(1, 1024)]
        public int MaxConcurrencyPerHost { get; set; } = EngineOptions.DefaultMaxConcurrencyPerHost;

        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = EngineOptions.DefaultTimeoutSec;

        [Parameter]
        [ValidateRange(0, 50)]
        public int MaximumRedirection { get; set; } = EngineOptions.DefaultMaximumRedirection;

        [Parameter]
        [ValidateRange(0, 10)]
        public int MaximumRetryCount { get; set; } = EngineOptions.DefaultMaximumRetryCount;

        [Parameter]
        [ValidateRange(0, 600)]
        public int RetryIntervalSec { get; set; } = EngineOptions.DefaultRetryIntervalSec;

        [Parameter]
        [ValidateNotNull]
        public IDictionary? Headers { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string UserAgent { get; set; } = EngineOptions.DefaultUserAgent;

        [Parameter]
        [Credential]
        public PSCredential? Credential { get; set; }

        [Parameter]
        public SwitchParameter UseDefaultCredentials { get; set; }

        [Parameter]
        [ValidateNotNull]
        public X509Certificate? Certificate { get; set; }

        [Parameter]
        public SwitchParameter SkipCertificateCheck { get; set; }

        /// <summary>Refuse hosts resolving to loopback, link-local, private or unique-local addresses (untrusted content in CI).</summary>
        [Parameter]
        public SwitchParameter ExcludePrivateAddresses { get; set; }

        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        [ValidateRange(100, 999)]
        public int[]? AcceptStatusCode { get; set; }

        /// <summary>Engine options from the bound parameters; a bad value ends the command with an error naming it.</summary>
        protected EngineOptions BuildEngineOptions()
        {
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

            if (Headers != null)
            {
                foreach (DictionaryEntry entry in Headers)
                {
                    string name = entry.Key?.ToString() ?? "";
                    if (name.Length == 0)
                    {
                        ThrowTerminatingError(new ErrorRecord(new ArgumentException("A header name in -Headers is empty."), "InvalidHeader", ErrorCategory.InvalidArgument, Headers));
                    }

                    options.Headers[name] = entry.Value?.ToString() ?? "";
                }
            }

            foreach (int code in AcceptStatusCode ?? Array.Empty<int>())
            {
                options.AcceptStatusCodes.Add(code);
            }

            return options;
        }
    }
}
