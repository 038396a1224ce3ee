using System.Diagnostics;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Operations;

namespace LinkTools.Benchmarks;

/// <summary>S6: Watch-Website over many sites, some of which never answer; reports how late checks start (schedule lag).</summary>
internal static class WatchScenario
{
    public static ScenarioResult Run(int sites, TimeSpan interval, int latencyMs, int hangEvery, int throttle, TimeSpan timeout, TimeSpan duration)
    {
        using var server = new ServerProcess(latencyMs);
        var settings = new WatchSettings
        {
            Engine = new EngineOptions { ThrottleLimit = throttle, MaxConcurrencyPerHost = throttle, Timeout = timeout },
            Interval = interval,
            Duration = duration,
            Checks = new LinkTools.Core.Monitoring.Checks.SiteCheckPolicy { Retry = 0 },
        };

        var sink = new CountingSink();
        using var operation = new WatchWebsiteOperation(settings, sink);
        for (int i = 0; i < sites; i++)
        {
            operation.Add(new WatchSite(new Uri(server.BaseUri, (i % hangEvery == 0 ? "hang/" : "ok/") + i)));
        }

        var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var serverCpuBefore = server.CpuTime;
        var clock = Stopwatch.StartNew();
        operation.Run();
        double wall = clock.Elapsed.TotalSeconds;
        self.Refresh();

        var lags = operation.Lags!.SnapshotMs();
        Array.Sort(lags);
        double P(double q) => lags.Length == 0 ? double.NaN : lags[Math.Min(lags.Length - 1, (int)Math.Ceiling(q * lags.Length) - 1)];
        string notes = $"{lags.Length} checks; schedule lag p50 {P(0.50):F0} ms, p95 {P(0.95):F0} ms, max {lags.LastOrDefault():F0} ms; " +
                       $"1 in {hangEvery} sites never answers, timeout {timeout.TotalSeconds:F0} s, -Retry 0";
        // The ideal here is the duration itself: the scenario runs for a fixed time, and the figure of merit is the lag.
        return new ScenarioResult($"S6 Watch-Website, {sites} sites every {interval.TotalSeconds:F0} s, {latencyMs} ms, ThrottleLimit {throttle}",
            lags.Length, wall, duration.TotalSeconds, (self.TotalProcessorTime - cpuBefore).TotalSeconds, (server.CpuTime - serverCpuBefore).TotalSeconds,
            CrawlScenarios.PeakWorkingSetMb(), notes);
    }
}
