using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LinkTools.Benchmarks;

/// <summary>
/// S7: what a short CI step pays before and around its first request, per build of the CLI: `linktools --version`
/// (process start and runtime start) and a one-URL check against a server answering at once (start, engine set-up
/// and the cold first request), each the median of 20 runs. The check's own ElapsedMs is the first request's cost
/// as the engine measures it (connection set-up and the HTTP stack's first use; no TLS on loopback).
/// </summary>
internal static class StartupScenario
{
    private const int Runs = 20;

    public static IEnumerable<ScenarioResult> Run(IEnumerable<(string Build, string Cli)> builds)
    {
        using var server = new ServerProcess(0);
        server.Warm(requests: 200, concurrency: 8);
        var url = new Uri(server.BaseUri, "startup/one").AbsoluteUri;
        foreach (var (build, cli) in builds)
        {
            var version = Enumerable.Range(0, Runs).Select(_ => Time(cli, ["--version"]).Wall).ToArray();
            var checks = Enumerable.Range(0, Runs).Select(_ => Time(cli, ["check", url, "--format", "json"])).ToArray();
            double versionMs = Median(version) * 1000;
            double checkMs = Median(checks.Select(c => c.Wall)) * 1000;
            double requestMs = Median(checks.Select(c => c.RequestMs / 1000.0)) * 1000;
            yield return new ScenarioResult($"S7 start-up, {build}: --version", 0, versionMs / 1000, 0, 0, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"median of {Runs}: {versionMs:F0} ms (min {version.Min() * 1000:F0}, max {version.Max() * 1000:F0})"));
            yield return new ScenarioResult($"S7 start-up, {build}: check of one URL", 1, checkMs / 1000, 0, 0, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"median of {Runs}: {checkMs:F0} ms; {checkMs - versionMs:F0} ms more than --version; the first request itself (ElapsedMs) {requestMs:F0} ms"));
        }
    }

    private static (double Wall, double RequestMs) Time(string cli, string[] args)
    {
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(CliBuilds.StartInfo(cli, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("linktools " + string.Join(' ', args) + " did not exit within 60 s");
        }

        double wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0) throw new InvalidOperationException($"linktools {string.Join(' ', args)} exited with {process.ExitCode}: {stderr.Result}");
        double requestMs = 0;
        if (args[0] == "check")
        {
            using var row = JsonDocument.Parse(stdout.Result.Trim());
            requestMs = row.RootElement.GetProperty("ElapsedMs").GetDouble();
        }

        return (wall, requestMs);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
