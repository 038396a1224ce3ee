using System.CommandLine;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;

namespace LinkTools.Cli.Commands;

/// <summary>The connection options every command shares: the cmdlets' parameters in kebab case.</summary>
internal sealed class EngineOptionSet
{
    public Option<int> ThrottleLimit { get; } = new("--throttle-limit") { Description = "Requests in flight at once.", DefaultValueFactory = _ => EngineOptions.DefaultThrottleLimit };
    public Option<int> MaxConcurrencyPerHost { get; } = new("--max-concurrency-per-host") { Description = "Requests in flight at once to one host.", DefaultValueFactory = _ => EngineOptions.DefaultMaxConcurrencyPerHost };
    public Option<int> TimeoutSec { get; }

    /// <param name="defaultTimeoutSec">The command's own default deadline (a watch waits longer than a link check).</param>
    public EngineOptionSet(int defaultTimeoutSec = EngineOptions.DefaultTimeoutSec)
    {
        TimeoutSec = new Option<int>("--timeout-sec") { Description = "Deadline for one attempt, in seconds.", DefaultValueFactory = _ => defaultTimeoutSec };
    }
    public Option<CheckMethod> Method { get; } = new("--method") { Description = "Auto (HEAD, confirmed by GET), Head or Get.", DefaultValueFactory = _ => CheckMethod.Auto };
    public Option<int> MaximumRedirection { get; } = new("--maximum-redirection") { Description = "Redirects followed before giving up.", DefaultValueFactory = _ => EngineOptions.DefaultMaximumRedirection };
    public Option<int> MaximumRetryCount { get; } = new("--maximum-retry-count") { Description = "Retries for transient failures.", DefaultValueFactory = _ => EngineOptions.DefaultMaximumRetryCount };
    public Option<int> RetryIntervalSec { get; } = new("--retry-interval-sec") { Description = "Base of the backoff between retries, in seconds.", DefaultValueFactory = _ => EngineOptions.DefaultRetryIntervalSec };
    public Option<string[]> Headers { get; } = new("--header") { Description = "A header 'Name: value' sent to the checked origins (repeatable).", AllowMultipleArgumentsPerToken = false };
    public Option<string> UserAgent { get; } = new("--user-agent") { Description = "The User-Agent header.", DefaultValueFactory = _ => EngineOptions.DefaultUserAgent };
    public Option<bool> SkipCertificateCheck { get; } = new("--skip-certificate-check") { Description = "Accept any TLS certificate." };
    public Option<bool> ExcludePrivateAddresses { get; } = new("--exclude-private-addresses") { Description = "Refuse hosts that resolve to loopback, link-local, private or unique-local addresses." };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = "Proxy URL." };
    public Option<int[]> AcceptStatusCode { get; } = new("--accept-status-code") { Description = "Status codes counted as not broken (repeatable).", AllowMultipleArgumentsPerToken = true };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { ThrottleLimit, MaxConcurrencyPerHost, TimeoutSec, Method, MaximumRedirection, MaximumRetryCount, RetryIntervalSec, Headers, UserAgent, SkipCertificateCheck, ExcludePrivateAddresses, Proxy, AcceptStatusCode })
        {
            command.Options.Add(option);
        }

        ThrottleLimit.Validators.Add(r => InRange(r, ThrottleLimit, 1, 1024));
        MaxConcurrencyPerHost.Validators.Add(r => InRange(r, MaxConcurrencyPerHost, 1, 1024));
        TimeoutSec.Validators.Add(r => InRange(r, TimeoutSec, 1, 3600));
        MaximumRedirection.Validators.Add(r => InRange(r, MaximumRedirection, 0, 50));
        MaximumRetryCount.Validators.Add(r => InRange(r, MaximumRetryCount, 0, 10));
        RetryIntervalSec.Validators.Add(r => InRange(r, RetryIntervalSec, 0, 600));
    }

    private static void InRange(System.CommandLine.Parsing.OptionResult result, Option<int> option, int min, int max)
    {
        int value = result.GetValueOrDefault<int>();
        if (value < min || value > max) result.AddError($"{option.Name} must be between {min} and {max}; got {value}.");
    }

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
                error = $"--header '{header}' is not of the form 'Name: value'.";
                return options;
            }

            options.Headers[header[..colon].Trim()] = header[(colon + 1)..].Trim();
        }

        if (parse.GetValue(Proxy) is string proxy)
        {
            if (!Uri.TryCreate(proxy, UriKind.Absolute, out var proxyUri))
            {
                error = $"--proxy '{proxy}' is not an absolute URL.";
                return options;
            }

            options.Proxy = proxyUri;
        }

        foreach (int code in parse.GetValue(AcceptStatusCode) ?? [])
        {
            if (code < 100 || code > 999)
            {
                error = $"--accept-status-code {code} is not an HTTP status code (100-999).";
                return options;
            }

            options.AcceptStatusCodes.Add(code);
        }

        return options;
    }
}
