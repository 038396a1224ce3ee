using System.CommandLine;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;
using LinkTools.Model.Settings;

namespace LinkTools.Cli.Commands;

/// <summary>The connection options every command shares: the cmdlets' parameters in kebab case.</summary>
internal sealed class EngineOptionSet
{
    public Option<string[]> Headers { get; } = new("--header") { Description = "A header 'Name: value' sent to the checked origins (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> HostHeaders { get; } = new("--host-header") { Description = "A header for one host only, 'host: Name: value' (host, host:port or https://host; repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string> UserAgent { get; } = new("--user-agent") { Description = "The User-Agent header.", DefaultValueFactory = _ => EngineOptions.DefaultUserAgent };
    public Option<bool> SkipCertificateCheck { get; } = new("--skip-certificate-check") { Description = "Accept any TLS certificate." };
    public Option<bool> ExcludePrivateAddresses { get; } = new("--exclude-private-addresses") { Description = "Refuse hosts that resolve to loopback, link-local, private or unique-local addresses." };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = "Proxy URL." };

    /// <param name="settings">The command's described settings (<see cref="SettingDescriptions"/>), the engine's among them; `check`'s by default.</param>
    public EngineOptionSet(IReadOnlyList<SettingDescription>? settings = null)
    {
        Settings = new SettingOptionSet(settings ?? SettingDescriptions.Check);
    }

    /// <summary>The command's described settings, as options.</summary>
    public SettingOptionSet Settings { get; }

    public void AddTo(Command command)
    {
        Settings.AddTo(command);
        foreach (var option in new Option[] { Headers, HostHeaders, UserAgent, SkipCertificateCheck, ExcludePrivateAddresses, Proxy })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The demo's timings (<see cref="DemoEngineSettings"/>), except for a --timeout-sec or --retry-interval-sec given on the command line.</summary>
    public void ApplyDemoSettings(ParseResult parse, EngineOptions options) =>
        DemoEngineSettings.Apply(options, Settings.IsGiven(parse, SettingDescriptions.TimeoutSec), Settings.IsGiven(parse, SettingDescriptions.RetryIntervalSec));

    /// <summary>Builds engine options; returns an error sentence naming the bad value instead of throwing.</summary>
    public EngineOptions Build(ParseResult parse, out string? error)
    {
        error = null;
        var options = new EngineOptions
        {
            UserAgent = parse.GetValue(UserAgent) ?? EngineOptions.DefaultUserAgent,
            SkipCertificateCheck = parse.GetValue(SkipCertificateCheck),
            ExcludePrivateAddresses = parse.GetValue(ExcludePrivateAddresses),
        };

        foreach (var header in parse.GetValue(Headers) ?? [])
        {
            int colon = header.IndexOf(':');
            if (colon <= 0)
            {
                // The value may be a token typed without its name: it is never echoed.
                error = $"--header (a value of {header.Length} characters, not shown) is not of the form 'Name: value'.";
                return options;
            }

            string name = header[..colon].Trim(), value = header[(colon + 1)..].Trim();
            if (RequestHeaderRules.Problem(name, value) is string problem)
            {
                error = $"--header: {problem}.";
                return options;
            }

            options.Headers[name] = value;
        }

        foreach (var entry in parse.GetValue(HostHeaders) ?? [])
        {
            // 'host: Name: value': the host ends at the first ': ' (a port's colon has no space after it).
            int split = entry.IndexOf(": ", StringComparison.Ordinal);
            int colon = split < 0 ? -1 : entry.IndexOf(':', split + 2);
            if (split <= 0 || colon <= split + 2)
            {
                error = $"--host-header '{entry}' is not of the form 'host: Name: value'.";
                return options;
            }

            string host = entry[..split].Trim();
            if (EngineOptions.HostKeyProblem(host) is string problem)
            {
                error = "--host-header: " + problem;
                return options;
            }

            string name = entry[(split + 2)..colon].Trim(), value = entry[(colon + 1)..].Trim();
            if (RequestHeaderRules.Problem(name, value) is string headerProblem)
            {
                error = $"--host-header: {headerProblem}.";
                return options;
            }

            if (!options.HostHeaders.TryGetValue(host, out var headers)) options.HostHeaders[host] = headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            headers[name] = value;
        }

        if (parse.GetValue(Proxy) is string proxy)
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri))
            {
                error = $"--proxy '{UrlText.Redact(proxy)}' is not an absolute URL.";
                return options;
            }

            options.Proxy = proxyUri;
        }

        SettingMapping.Engine(Settings.Read(parse), Settings.Descriptions, options);
        return options;
    }
}
