using System.Diagnostics;
using System.Globalization;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;

namespace LinkTools.Benchmarks;

/// <summary>S2-S5: crawls of the synthetic site, through the CLI process (start-up counted) or in process.</summary>
internal static class CrawlScenarios
{
    /// <summary>S2/S3 (and S4 once more): `linktools crawl` as a child process, wall time from process start to exit.</summary>
    /// <param name="retriesOff">Crawl with --maximum-retry-count 0, the yardstick for what the retries cost.</param>
    /// <param name="timeline">Print the run as the server saw it (<see cref="ServerTrace"/>).</param>
    public static ScenarioResult ThroughCli(string name, string cli, int pages, int latencyMs, int throttle, bool retriesOff = false, bool timeline = false)
    {
        using var server = new ServerProcess(latencyMs, pages);
        return ThroughCli(name, cli, server, pages, latencyMs, throttle, [], retriesOff, timeline);
    }

    /// <summary>
    /// S3 with a result cache: the same crawl twice on one server, the second with the cache the first saved. The
    /// second fetches every page again and re-checks what was broken; the working links it only checks come from the cache.
    /// </summary>
    public static IEnumerable<ScenarioResult> WarmCache(string name, string cli, int pages, int latencyMs, int throttle)
    {
        using var server = new ServerProcess(latencyMs, pages);
        string cache = Path.Combine(Path.GetTempPath(), "linktools-bench-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            yield return ThroughCli(name + ", empty cache", cli, server, pages, latencyMs, throttle, ["--cache", cache], retriesOff: false);
            yield return ThroughCli(name + ", warm cache", cli, server, pages, latencyMs, throttle, ["--cache", cache], retriesOff: false);
        }
        finally
        {
            File.Delete(cache);
            File.Delete(cache + ".lock");
        }
    }

    private static ScenarioResult ThroughCli(string name, string cli, ServerProcess server, int pages, int latencyMs, int throttle, string[] extra, bool retriesOff, bool timeline = false)
    {
        var site = new SiteGenerator(pages);
        var expected = site.Expected();
        server.Warm();
        server.TakeNotModified();
        var info = CliBuilds.StartInfo(cli, new[] { "crawl", new Uri(server.BaseUri, SiteGenerator.PagePath(0).TrimStart('/')).AbsoluteUri,
                     "--throttle-limit", throttle.ToString(CultureInfo.InvariantCulture), "--max-concurrency-per-host", throttle.ToString(CultureInfo.InvariantCulture),
                     "--ignore-robots-txt", "--max-pages", (pages * 2).ToString(CultureInfo.InvariantCulture), "--format", "json", "--quiet" }.Concat(extra));

        if (retriesOff)
        {
            info.ArgumentList.Add("--maximum-retry-count");
            info.ArgumentList.Add("0");
        }

        if (timeline) server.StartTrace();
        var serverCpuBefore = server.CpuTime;
        long started = Stopwatch.GetTimestamp();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var usage = new ChildUsage(process);
        int brokenLines = 0;
        var stderr = process.StandardError.ReadToEndAsync();
        while (process.StandardOutput.ReadLine() is string line)
        {
            if (line.Contains("\"IsBroken\":true", StringComparison.Ordinal)) brokenLines++;
        }

        process.WaitForExit();
        double wall = clock.Elapsed.TotalSeconds;
        long exited = Stopwatch.GetTimestamp();
        usage.Stop();
        if (timeline) Console.Write(ServerTrace.Render(name + (retriesOff ? ", retries off" : ""), server.TakeTrace(), started, exited, throttle, latencyMs));
        string summary = stderr.Result.Split('\n').LastOrDefault(l => l.Contains("pages crawled", StringComparison.Ordinal))?.Trim() ?? "";
        double ideal = IdealSeconds(expected.Requests, expected.Depth, latencyMs, throttle);
        double siteIdeal = SiteIdealSeconds(expected, latencyMs, throttle);
        return new ScenarioResult(name + (retriesOff ? ", retries off" : ""), expected.Requests, wall, ideal, usage.CpuSeconds, (server.CpuTime - serverCpuBefore).TotalSeconds, usage.PeakMb,
            string.Create(CultureInfo.InvariantCulture, $"{pages / wall:F0} pages/s, {usage.CpuSeconds * 1000 / pages:F2} CPU ms/page; server held a request {server.TakeHeldMs():F1} ms on average; ") +
            string.Create(CultureInfo.InvariantCulture, $"ideal with the slow host's {LatencyServer.SlowHostMs} ms answers, the refused host's none and each failed HEAD's confirming GET counted: {siteIdeal:F2} s (wall / that {wall / siteIdeal:F3}); ") +
            $"exit {process.ExitCode}; {server.TakeNotModified()} page requests answered 304; {brokenLines} broken (page, link) rows; the site has {expected.Requests} URLs and hops to request, {expected.Broken} broken links, depth {expected.Depth}; {summary}");
    }

    /// <summary>S4/S5: the crawl operation in this process with a counting sink; working set sampled at page milestones.</summary>
    public static ScenarioResult InProcess(string name, int pages, int latencyMs, int throttle, int[] milestones, out List<WorkingSetSample> samples, bool timeline = false, bool allocations = false, bool retriesOff = false)
    {
        var site = new SiteGenerator(pages);
        var expected = site.Expected();
        using var server = new ServerProcess(latencyMs, pages);
        server.Warm();
        var settings = new CrawlSettings
        {
            Engine = new EngineOptions { ThrottleLimit = throttle, MaxConcurrencyPerHost = throttle, MaximumRetryCount = retriesOff ? 0 : EngineOptions.DefaultMaximumRetryCount },
            StartUrl = new Uri(server.BaseUri, SiteGenerator.PagePath(0).TrimStart('/')),
            MaxPages = pages * 2, // in-scope redirects and missing pages count as page fetches too
            IgnoreRobotsTxt = true,
        };

        var taken = new List<WorkingSetSample>();
        int next = 0;
        var sink = new CountingSink
        {
            OnProgress = progress =>
            {
                // "N pages crawled, N queued; N links, N of N URLs checked; ..."
                string text = progress.StatusDescription;
                int crawled = int.Parse(text.AsSpan(0, text.IndexOf(' ')), CultureInfo.InvariantCulture);
                int of = text.IndexOf(" of ", StringComparison.Ordinal) + 4;
                int urls = int.Parse(text.AsSpan(of, text.IndexOf(' ', of) - of), CultureInfo.InvariantCulture);
                while (next < milestones.Length && crawled >= milestones[next])
                {
                    taken.Add(new WorkingSetSample(milestones[next], urls, Environment.WorkingSet / 1048576.0));
                    next++;
                }
            },
        };

        GC.Collect();
        var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var serverCpuBefore = server.CpuTime;
        using var requests = timeline ? new RequestTimeline(TimeSpan.FromMilliseconds(10)) : null;
        using var sampler = allocations ? new AllocationSampler() : null;
        long allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var jitBefore = System.Runtime.JitInfo.GetCompilationTime();
        long methodsBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
        var pausedBefore = GC.GetTotalPauseDuration();
        int gen0Before = GC.CollectionCount(0), gen2Before = GC.CollectionCount(2);
        var clock = Stopwatch.StartNew();
        var summary = SiteCrawlOperation.Run(settings, sink);
        double wall = clock.Elapsed.TotalSeconds;
        double allocatedKbPerPage = (GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore) / 1024.0 / Math.Max(1, summary.Pages);
        double jitSeconds = (System.Runtime.JitInfo.GetCompilationTime() - jitBefore).TotalSeconds;
        long methodsCompiled = System.Runtime.JitInfo.GetCompiledMethodCount() - methodsBefore;
        string collections = $"{GC.CollectionCount(0) - gen0Before} GCs ({GC.CollectionCount(2) - gen2Before} full), paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalSeconds:F2} s";
        if (sampler != null) Console.Write($"{name}:\n{sampler.Render(15, summary.Pages)}");
        if (requests != null) Console.Write($"{name}: requests in flight (mean per 100 ms, bar = ThrottleLimit {throttle})\n{requests.Render(throttle, TimeSpan.FromMilliseconds(100))}");
        self.Refresh();
        double cpu = (self.TotalProcessorTime - cpuBefore).TotalSeconds;
        while (next < milestones.Length && summary.Pages >= milestones[next]) taken.Add(new WorkingSetSample(milestones[next++], summary.UniqueUrls, Environment.WorkingSet / 1048576.0));
        samples = taken;
        double ideal = IdealSeconds(expected.Requests, expected.Depth, latencyMs, throttle);
        return new ScenarioResult(name + (retriesOff ? ", retries off" : ""), (int)summary.Requests, wall, ideal, cpu, (server.CpuTime - serverCpuBefore).TotalSeconds, PeakWorkingSetMb(),
            string.Create(CultureInfo.InvariantCulture, $"server held a request {server.TakeHeldMs():F1} ms on average; {summary.Pages / wall:F0} pages/s, {cpu * 1000 / Math.Max(1, summary.Pages):F2} CPU ms/page, {allocatedKbPerPage:F0} KB allocated/page, JIT {jitSeconds:F2} s for {methodsCompiled:N0} methods, {collections}; {summary}"));
    }

    /// <summary>
    /// The latency-bound ideal counting what the site really costs: the slow host's links at its own latency, the refused
    /// host's at none, and a GET after each HEAD the other origin fails (the check's rule, retries off).
    /// </summary>
    private static double SiteIdealSeconds((int Requests, int Depth, int Broken, int Slow, int Refused, int Confirmed) site, int latencyMs, int throttle)
    {
        double requestMs = (site.Requests - site.Slow - site.Refused + site.Confirmed) * (double)latencyMs + site.Slow * (double)LatencyServer.SlowHostMs;
        return Math.Max(requestMs / 1000.0 / throttle, (site.Depth * latencyMs + LatencyServer.SlowHostMs) / 1000.0);
    }

    /// <summary>The latency-bound ideal of a crawl: max(requests x latency / ThrottleLimit, depth x latency).</summary>
    private static double IdealSeconds(int requests, int depth, int latencyMs, int throttle) =>
        Math.Max(requests * latencyMs / 1000.0 / throttle, depth * latencyMs / 1000.0);

    /// <summary>The process's peak resident set (VmHWM) since start; Linux only, 0 elsewhere.</summary>
    public static double PeakWorkingSetMb(int? pid = null)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{(pid?.ToString(CultureInfo.InvariantCulture) ?? "self")}/status");
            var line = status.First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (Exception ex) when (ex is IOException || ex is InvalidOperationException || ex is UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Samples a child's CPU time and peak memory while it runs (neither can be read once it has exited).</summary>
    internal sealed class ChildUsage
    {
        private readonly Process _process;
        private readonly Timer _timer;

        public ChildUsage(Process process)
        {
            _process = process;
            // Often: CPU time cannot be read once the child has exited, so the last interval is lost.
            _timer = new Timer(_ => Sample(), null, 0, 20);
        }

        public double CpuSeconds { get; private set; }
        public double PeakMb { get; private set; }

        private void Sample()
        {
            try
            {
                _process.Refresh();
                if (_process.HasExited) return;
                CpuSeconds = Math.Max(CpuSeconds, _process.TotalProcessorTime.TotalSeconds);
                PeakMb = Math.Max(PeakMb, PeakWorkingSetMb(_process.Id));
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is System.ComponentModel.Win32Exception)
            {
            }
        }

        public void Stop() => _timer.Dispose();
    }
}

/// <summary>The checker's working set when a crawl reached a number of pages, with the unique URLs it knew then.</summary>
internal sealed record WorkingSetSample(int Pages, int Urls, double WorkingSetMb);
