using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>The connection parameters every LinkTools cmdlet shares, named as in Invoke-WebRequest.</summary>
    public abstract class LinkCheckCmdletBase : PSCmdlet
    {
        [Parameter]
        [Setting(nameof(ThrottleLimit))]
        public int ThrottleLimit { get; set; } = SettingDescriptions.ThrottleLimit.IntDefault;

        [Parameter]
        [Setting(nameof(MaxConcurrencyPerHost))]
        public int MaxConcurrencyPerHost { get; set; } = SettingDescriptions.MaxConcurrencyPerHost.IntDefault;

        [Parameter]
        [Setting(nameof(TimeoutSec))]
        public int TimeoutSec { get; set; } = SettingDescriptions.TimeoutSec.IntDefault;

        [Parameter]
        [Setting(nameof(MaximumRedirection))]
        public int MaximumRedirection { get; set; } = SettingDescriptions.MaximumRedirection.IntDefault;

        [Parameter]
        [Setting(nameof(MaximumRetryCount))]
        public int MaximumRetryCount { get; set; } = SettingDescriptions.MaximumRetryCount.IntDefault;

        [Parameter]
        [Setting(nameof(RetryIntervalSec))]
        public int RetryIntervalSec { get; set; } = SettingDescriptions.RetryIntervalSec.IntDefault;

        /// <summary>Extra request headers, as a hashtable (@{ Authorization = 'Bearer ...' }). They are sent only to the origins of the URLs you gave, never to other hosts reached through redirects. A name that is not a valid header name, a value with a line break, and the headers the HTTP stack writes itself (Host, Content-Length, Transfer-Encoding, Connection and the like) are refused before anything is sent.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? Headers { get; set; }

        /// <summary>Headers for one host each: a hashtable keyed by host (api.example.com), host:port or origin (https://api.example.com), each value a hashtable of headers, such as @{ 'api.example.com' = @{ Authorization = "Bearer $token" } }. They are sent to that host only, whether or not it is one of the URLs you gave (a crawl's API links, for one), and never to any other host.</summary>
        [Parameter]
        [ValidateNotNull]
        public IDictionary? HostHeaders { get; set; }

        [Parameter]
        [Setting(nameof(UserAgent))]
        [ValidateNotNullOrEmpty]
        public string UserAgent { get; set; } = (string)SettingDescriptions.UserAgent.Default!;

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

        [Parameter]
        [Setting(nameof(SkipCertificateCheck))]
        public SwitchParameter SkipCertificateCheck { get; set; }

        [Parameter]
        [Setting(nameof(ExcludePrivateAddresses))]
        public SwitchParameter ExcludePrivateAddresses { get; set; }

        /// <summary>A proxy server to send every request through, instead of the system proxy.</summary>
        [Parameter]
        [ValidateNotNull]
        public Uri? Proxy { get; set; }

        /// <summary>Credentials for the proxy given with -Proxy; refused without -Proxy.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        [Parameter]
        [Setting(nameof(AcceptStatusCode))]
        public int[]? AcceptStatusCode { get; set; }

        /// <summary><paramref name="options"/> with the demo's timings for a -Demo run, except for -TimeoutSec or -RetryIntervalSec when bound.</summary>
        /// <remarks>Internal, not protected: engine types stay out of PowerShell's sight.</remarks>
        internal static EngineOptions ApplyDemoSettings(EngineOptions options, ICollection<string> boundParameters) =>
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

        /// <summary>
        /// Builds a settings object, which checks each value as it is set; a refused value ends the command as
        /// <see cref="ThrowInvalidSetting"/> does.
        /// </summary>
        internal T BuildSettings<T>(Func<T> build)
        {
            try
            {
                return build();
            }
            catch (ArgumentException ex)
            {
                ThrowInvalidSetting(ex);
                throw;
            }
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

        /// <summary>Engine options from the bound parameters, the described ones among <paramref name="settings"/> (the command's list in <see cref="SettingDescriptions"/>).</summary>
        /// <remarks>Internal, not protected: PowerShell sees protected members, and engine types must stay out of its sight.</remarks>
        internal EngineOptions BuildEngineOptions(System.Collections.Generic.IReadOnlyList<SettingDescription> settings)
        {
            RefuseConflictingParameters();
            var byHost = HostHeaders == null ? new Dictionary<string, IReadOnlyDictionary<string, string>>() : HostHeadersOf(HostHeaders);
            // The options refuse a header or host that cannot be used, naming it.
            return BuildSettings(() => SettingMapping.Engine(new BoundSettings(this), settings, new EngineOptions
            {
                Credential = Credential?.GetNetworkCredential(),
                UseDefaultCredentials = UseDefaultCredentials.IsPresent,
                ClientCertificate = Certificate == null ? null : new X509Certificate2(Certificate),
                Proxy = Proxy,
                ProxyCredential = ProxyCredential?.GetNetworkCredential(),
                Headers = HeadersOf(Headers),
                HostHeaders = byHost,
            }));
        }

        private static Dictionary<string, string> HeadersOf(IDictionary? headers)
        {
            var copied = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry header in headers ?? new Hashtable()) copied[header.Key?.ToString() ?? ""] = header.Value?.ToString() ?? "";
            return copied;
        }

        /// <summary>Copies -HostHeaders; the options check each host and header as they are built.</summary>
        private Dictionary<string, IReadOnlyDictionary<string, string>> HostHeadersOf(IDictionary byHost)
        {
            var copied = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
            foreach (DictionaryEntry entry in byHost)
            {
                string host = entry.Key?.ToString() ?? "";
                object? value = entry.Value is PSObject wrapped ? wrapped.BaseObject : entry.Value;
                if (value is not IDictionary headers)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-HostHeaders: the value for '{host}' must be a hashtable of headers, such as @{{ Authorization = 'Bearer ...' }}."),
                        "InvalidHeader", ErrorCategory.InvalidArgument, byHost));
                    return copied;
                }

                copied[host] = HeadersOf(headers);
            }

            return copied;
        }
    }
}
