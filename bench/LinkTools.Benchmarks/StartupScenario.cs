using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LinkTools.Benchmarks;

/// <summary>
/// S7: what a short CI step pays before and around its first request, per build of the CLI: `linktools --version`
/// (process start and runtime start) and a one-URL check against a server answering at once (start, engine set-up
/// and the cold first request), each the median of 20 runs. The check's own ElapsedMs is the first request's cost
/// as the engine measures it (connection set-up and the HTTP stack's first use). The cold first request is then taken
/// apart (<see cref="FirstRequests"/>): the same process sends six requests one at a time, over http and https.
/// </summary>
internal static class StartupScenario
{
    private const int Runs = 20;

    public static IEnumerable<ScenarioResult> Run(IEnumerable<(string Build, string Cli)> builds)
    {
        using var server = new ServerProcess(0, tls: true);
        server.Warm(requests: 200, concurrency: 8);
        var url = new Uri(server.BaseUri, "startup/one").AbsoluteUri;
        foreach (var (build, cli) in builds)
        {
            var version = Enumerable.Range(0, Runs).Select(_ => Time(cli, ["--version"]).Wall).ToArray();
            var checks = Enumerable.Range(0, Runs).Select(_ => Time(cli, ["check", url, "--format", "json"])).ToArray();
            double versionMs = Median(version) * 1000;
            double checkMs = Median(checks.Select(c => c.Wall)) * 1000;
            double requestMs = Median(checks.Select(c => ElapsedMs(c.Stdout)));
            yield return new ScenarioResult($"S7 start-up, {build}: --version", 0, versionMs / 1000, 0, 0, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"median of {Runs}: {versionMs:F0} ms (min {version.Min() * 1000:F0}, max {version.Max() * 1000:F0})"));
            yield return new ScenarioResult($"S7 start-up, {build}: check of one URL", 1, checkMs / 1000, 0, 0, 0, 0,
                string.Create(CultureInfo.InvariantCulture, $"median of {Runs}: {checkMs:F0} ms; {checkMs - versionMs:F0} ms more than --version; the first request itself (ElapsedMs) {requestMs:F0} ms"));
            yield return FirstRequests(build, cli, server);
        }
    }

    /// <summary>
    /// The cold first request taken apart, median of <see cref="Runs"/> processes: one `linktools check` at ThrottleLimit 1
    /// sends, in order, a first request (process cold: connection set-up, the HTTP stack's first use, the exchange), a
    /// second on the same connection (the exchange alone), a first to a second origin (a new connection on a warm
    /// stack), then the same three over https (the first pays TLS's first use and a handshake, the third a handshake).
    /// Each is the exchange as the engine times it (its --verbose line, whole ms), without the engine's gates.
    /// </summary>
    private static ScenarioResult FirstRequests(string build, string cli, ServerProcess server)
    {
        var urls = new[]
        {
            new Uri(server.Addresses[0], "cold/1"), new Uri(server.Addresses[0], "cold/2"), new Uri(server.Addresses[1], "cold/3"),
            new Uri(server.Addresses[3], "cold/4"), new Uri(server.Addresses[3], "cold/5"), new Uri(server.Addresses[4], "cold/6"),
        };
        string[] args = ["check", .. urls.Select(u => u.AbsoluteUri), "--throttle-limit", "1", "--skip-certificate-check", "--verbose", "--quiet", "--format", "json"];
        var runs = new List<double[]>();
        for (int run = 0; run < Runs; run++)
        {
            var (_, _, stderr) = Time(cli, args);
            // "verbose: HEAD http://127.0.0.1:1234/cold/1 -> 200 in 3 ms"
            var taken = new double[urls.Length];
            var order = new List<int>();
            foreach (Match line in Regex.Matches(stderr, @"(?:HEAD|GET) (\S+) -> \d+ in (\d+) ms"))
            {
                int i = Array.FindIndex(urls, u => u.AbsoluteUri == line.Groups[1].Value);
                if (i < 0 || order.Contains(i)) continue;
                order.Add(i);
                taken[i] = double.Parse(line.Groups[2].Value, CultureInfo.InvariantCulture);
            }

            // Only a run that sent them in the order asked says which request paid for what.
            if (order.SequenceEqual(Enumerable.Range(0, urls.Length))) runs.Add(taken);
        }

        if (runs.Count == 0) return new ScenarioResult($"S7 first requests, {build}", urls.Length, 0, 0, 0, 0, 0, "no run sent the six requests in order");
        var m = Enumerable.Range(0, urls.Length).Select(i => Median(runs.Select(r => r[i]))).ToArray();
        return new ScenarioResult($"S7 first requests, {build}", urls.Length, m.Sum() / 1000, 0, 0, 0, 0, string.Create(CultureInfo.InvariantCulture,
            $"median ms of {runs.Count} processes that sent them in order: first request {m[0]:F0}, again on its connection {m[1]:F0}, first to a second origin {m[2]:F0}; " +
            $"https: first {m[3]:F0}, again on its connection {m[4]:F0}, first to a second origin {m[5]:F0}. So: the HTTP stack's first use about {Ms(m[0] - m[2])}, " +
            $"a connection {Ms(m[2] - m[1])}, the exchange {Ms(m[1])}; TLS's first use about {Ms(m[3] - m[5])}, a TLS handshake {Ms(m[5] - m[4])}"));
    }

    // The --verbose lines give whole milliseconds: a difference below one is below what they can show.
    private static string Ms(double ms) => ms < 1 ? "under 1 ms" : string.Create(CultureInfo.InvariantCulture, $"{ms:F0} ms");

    private static (double Wall, string Stdout, string Stderr) Time(string cli, string[] args)
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
        return (wall, stdout.Result, stderr.Result);
    }

    /// <summary>The one result row's ElapsedMs: the request as the engine timed it.</summary>
    private static double ElapsedMs(string stdout)
    {
        using var row = JsonDocument.Parse(stdout.Trim());
        return row.RootElement.GetProperty("ElapsedMs").GetDouble();
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
