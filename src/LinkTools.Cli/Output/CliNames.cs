using System.Text.RegularExpressions;

namespace LinkTools.Cli.Output;

/// <summary>
/// The engine's advice names PowerShell parameters (-MaxConcurrencyPerHost); on the command line the same settings are
/// options (--max-concurrency-per-host). Only the names the advice uses are translated, so no other text is touched.
/// </summary>
public static class CliNames
{
    private static readonly Regex Parameter = new(
        @"(?<![\w/.-])-(ThrottleLimit|MaxConcurrencyPerHost|TimeoutSec|MaximumRetryCount|RetryIntervalSec|IntervalSec|Retry)\b",
        RegexOptions.CultureInvariant);

    public static string Translate(string message) =>
        message.IndexOf('-') < 0 ? message : Parameter.Replace(message, m => "--" + Kebab(m.Groups[1].Value));

    private static string Kebab(string name) => Regex.Replace(name, "(?<!^)([A-Z])", "-$1").ToLowerInvariant();
}
