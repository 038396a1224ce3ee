using System.CommandLine;
using LinkTools.Core.Checking;
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
        foreach (var option in new Option[] { Headers, HostHeaders, Proxy })
        {
            command.Options.Add(option);
        }
    }

    /// <summary><paramref name="options"/> with the demo's timings (<see cref="DemoEngineSettings"/>), except for a --timeout-sec or --retry-interval-sec given on the command line.</summary>
    public EngineOptions ApplyDemoSettings(ParseResult parse, EngineOptions options) =>
        DemoEngineSettings.Apply(options, Settings.IsGiven(parse, SettingDescriptions.TimeoutSec), Settings.IsGiven(parse, SettingDescriptions.RetryIntervalSec));

    /// <summary>How the command's checks judge an answer (--method, --accept-status-code).</summary>
    public CheckPolicy Checks(ParseResult parse) => SettingMapping.Checks(Settings.Read(parse), Settings.Descriptions);

    /// <summary>Builds engine options; null and an error sentence naming the bad value instead of throwing.</summary>
    public EngineOptions? Build(ParseResult parse, out string? error)
    {
        error = null;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var byHost = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in parse.GetValue(Headers) ?? [])
        {
            int colon = header.IndexOf(':');
            if (colon <= 0)
            {
                // The value may be a token typed without its name: it is never echoed.
                error = $"--header (a value of {header.Length} characters, not shown) is not of the form 'Name: value'.";
                return null;
            }

            string name = header[..colon].Trim(), value = header[(colon + 1)..].Trim();
            if (RequestHeaderRules.Problem(name, value) is string problem)
            {
                error = $"--header: {problem}.";
                return null;
            }

            headers[name] = value;
        }

        foreach (var entry in parse.GetValue(HostHeaders) ?? [])
        {
            // 'host: Name: value': the host ends at the first ': ' (a port's colon has no space after it).
            int split = entry.IndexOf(": ", StringComparison.Ordinal);
            int colon = split < 0 ? -1 : entry.IndexOf(':', split + 2);
            if (split <= 0 || colon <= split + 2)
            {
                error = $"--host-header '{entry}' is not of the form 'host: Name: value'.";
                return null;
            }

            string host = entry[..split].Trim();
            if (EngineOptions.HostKeyProblem(host) is string problem)
            {
                error = "--host-header: " + problem;
                return null;
            }

            string name = entry[(split + 2)..colon].Trim(), value = entry[(colon + 1)..].Trim();
            if (RequestHeaderRules.Problem(name, value) is string headerProblem)
            {
                error = $"--host-header: {headerProblem}.";
                return null;
            }

            if (!byHost.TryGetValue(host, out var forHost)) byHost[host] = forHost = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            forHost[name] = value;
        }

        Uri? proxyUri = null;
        if (parse.GetValue(Proxy) is string proxy && !Uri.TryCreate(proxy, UriKind.Absolute, out proxyUri))
        {
            error = $"--proxy '{UrlText.Redact(proxy)}' is not an absolute URL.";
            return null;
        }

        return SettingOptionSet.TryBuild(() => SettingMapping.Engine(Settings.Read(parse), Settings.Descriptions, new EngineOptions
        {
            Headers = headers,
            HostHeaders = byHost.ToDictionary(h => h.Key, h => (IReadOnlyDictionary<string, string>)h.Value, StringComparer.OrdinalIgnoreCase),
            Proxy = proxyUri,
        }), out error);
    }
}
