using System.CommandLine;
using LinkTools.Core.Checking;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;

namespace LinkTools.Cli.Commands;

/// <summary>The connection options every command shares: the cmdlets' parameters in kebab case.</summary>
internal sealed class EngineOptionSet
{
    public Option<int> ThrottleLimit { get; } = new("--throttle-limit") { Description = "Requests in flight at once.", DefaultValueFactory = _ => EngineOptions.DefaultThrottleLimit };
    public Option<int> MaxConcurrencyPerHost { get; } = new("--max-concurrency-per-host") { Description = "Requests in flight at once to one host.", DefaultValueFactory = _ => EngineOptions.DefaultMaxConcurrencyPerHost };
    public Option<int> TimeoutSec { get; }
    public Option<CheckMethod> Method { get; } = new("--method") { Description = "Auto (HEAD, confirmed by GET), Head or Get.", DefaultValueFactory = _ => CheckMethod.Auto };
    public Option<int> MaximumRedirection { get; } = new("--maximum-redirection") { Description = "Redirects followed before giving up.", DefaultValueFactory = _ => EngineOptions.DefaultMaximumRedirection };
    public Option<int> MaximumRetryCount { get; }
    public Option<int> RetryIntervalSec { get; }
    public Option<string[]> Headers { get; } = new("--header") { Description = "A header 'Name: value' sent to the checked origins (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string[]> HostHeaders { get; } = new("--host-header") { Description = "A header for one host only, 'host: Name: value' (host, host:port or https://host; repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string> UserAgent { get; } = new("--user-agent") { Description = "The User-Agent header.", DefaultValueFactory = _ => EngineOptions.DefaultUserAgent };
    public Option<bool> SkipCertificateCheck { get; } = new("--skip-certificate-check") { Description = "Accept any TLS certificate." };
    public Option<bool> ExcludePrivateAddresses { get; } = new("--exclude-private-addresses") { Description = "Refuse hosts that resolve to loopback, link-local, private or unique-local addresses." };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = "Proxy URL." };
    public Option<int[]> AcceptStatusCode { get; } = new("--accept-status-code") { Description = "Status codes counted as not broken (repeatable).", AllowMultipleArgumentsPerToken = true };

    /// <param name="defaultTimeoutSec">The command's own default deadline (a watch waits longer than a link check).</param>
    public EngineOptionSet(int defaultTimeoutSec = EngineOptions.DefaultTimeoutSec, int defaultMaximumRetryCount = EngineOptions.DefaultMaximumRetryCount, int defaultRetryIntervalSec = EngineOptions.DefaultRetryIntervalSec)
    {
        TimeoutSec = new Option<int>("--timeout-sec") { Description = "Deadline for one attempt, in seconds.", DefaultValueFactory = _ => defaultTimeoutSec };
        MaximumRetryCount = new("--maximum-retry-count") { Description = "Most retries of a transient failure (5xx, 408, 429, reset, timeout).", DefaultValueFactory = _ => defaultMaximumRetryCount };
        RetryIntervalSec = new("--retry-interval-sec") { Description = "Upper bound of the wait before a retry, in seconds, doubled per retry.", DefaultValueFactory = _ => defaultRetryIntervalSec };
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { ThrottleLimit, MaxConcurrencyPerHost, TimeoutSec, Method, MaximumRedirection, MaximumRetryCount, RetryIntervalSec, Headers, HostHeaders, UserAgent, SkipCertificateCheck, ExcludePrivateAddresses, Proxy, AcceptStatusCode })
        {
            command.Options.Add(option);
        }

        OptionRange.Require(ThrottleLimit, EngineLimits.ThrottleLimitMin, EngineLimits.ThrottleLimitMax);
        OptionRange.Require(MaxConcurrencyPerHost, EngineLimits.MaxConcurrencyPerHostMin, EngineLimits.MaxConcurrencyPerHostMax);
        OptionRange.Require(TimeoutSec, EngineLimits.TimeoutSecMin, EngineLimits.TimeoutSecMax);
        OptionRange.Require(MaximumRedirection, EngineLimits.MaximumRedirectionMin, EngineLimits.MaximumRedirectionMax);
        OptionRange.Require(MaximumRetryCount, EngineLimits.MaximumRetryCountMin, EngineLimits.MaximumRetryCountMax);
        OptionRange.Require(RetryIntervalSec, EngineLimits.RetryIntervalSecMin, EngineLimits.RetryIntervalSecMax);
        OptionRange.RequireEach(AcceptStatusCode, EngineLimits.StatusCodeMin, EngineLimits.StatusCodeMax);
    }

    /// <summary>The demo's timings (<see cref="DemoEngineSettings"/>), except for a --timeout-sec or --retry-interval-sec given on the command line.</summary>
    public void ApplyDemoSettings(ParseResult parse, EngineOptions options) =>
        DemoEngineSettings.Apply(options, IsGiven(parse, TimeoutSec), IsGiven(parse, RetryIntervalSec));

    private static bool IsGiven(ParseResult parse, Option option) => parse.GetResult(option) is { Implicit: false };

    /// <summary>Builds engine options; returns an error sentence naming the bad value instead of throwing.</summary>
    public EngineOptions Build(ParseResult parse, out string? error)
    {
        error = null;
        var options = new EngineOptions
        {
            ThrottleLimit = parse.GetValue(ThrottleLimit),
            MaxConcurrencyPerHost = parse.GetValue(MaxConcurrencyPerHost),
            Timeout = TimeSpan.FromSeconds(parse.GetValue(TimeoutSec)),
            Method = parse.GetValue(Method),
            MaximumRedirection = parse.GetValue(MaximumRedirection),
            MaximumRetryCount = parse.GetValue(MaximumRetryCount),
            RetryInterval = TimeSpan.FromSeconds(parse.GetValue(RetryIntervalSec)),
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

        foreach (int code in parse.GetValue(AcceptStatusCode) ?? []) options.AcceptStatusCodes.Add(code);

        return options;
    }
}
