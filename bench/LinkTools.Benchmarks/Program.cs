using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LinkTools.Benchmarks;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;

// The LinkTools benchmark: scenarios against a loopback server this program starts as a child process.
//   dotnet run -c Release --project bench/LinkTools.Benchmarks -- [s1 s2 … s9] [--urls N] [--watch-seconds N] [--json path] [--in-process] [--timeline] [--allocations]
//   s2: [--s2-builds native,readytorun,portable] [--native-cli <linktools built before>]
//   s9 (docs folder): [--docs-files N] [--docs-latency-ms N] [--node-tools <folder holding node_modules with markdown-link-check and linkinator>]
if (args.Length > 0 && args[0] == "serve") return await LatencyServer.ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), args.Contains("tls"));

int urls = ReadInt("--urls", 1000);
int watchSeconds = ReadInt("--watch-seconds", 60);
string jsonPath = ReadString("--json", "bench-results.json");
var only = args.Where(a => a.Length == 2 && a[0] == 's' && char.IsDigit(a[1])).ToHashSet();
bool Wants(string s) => only.Count == 0 || only.Contains(s);
var results = new List<ScenarioResult>();
// Each crawl scenario at the defaults and with retries off, and their ratio (target: S2-S4 within 1.25 x).
var retryCosts = new List<(string Scenario, double Ratio)>();
void Both(Func<bool, ScenarioResult> run)
{
    var defaults = run(false);
    var off = run(true);
    results.Add(defaults);
    results.Add(off);
    retryCosts.Add((defaults.Scenario, defaults.WallSeconds / off.WallSeconds));
}

var milestones = new List<WorkingSetSample>();
string? s5PeakMemory = null;

Console.WriteLine($"LinkTools benchmark, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
bool timeline = args.Contains("--timeline");
if (Wants("s1")) results.AddRange(S1(urls, latencyMs: 100, throttles: [1, 50, 100], timeline));
// --s2-builds native: S2 through the native executable only; --native-cli <path>: a native executable built before (to
// compare two versions in one sitting) instead of publishing this one.
var s2Builds = ReadString("--s2-builds", "native,readytorun,portable").Split(',');
bool S2Build(string build) => Wants("s2") && s2Builds.Contains(build);
string? readyToRunCli = S2Build("readytorun") || Wants("s3") || Wants("s4") || Wants("s7") ? CliBuilds.ReadyToRun() : null;
string? nativeCli = S2Build("native") || Wants("s4") || Wants("s5") || Wants("s7") || Wants("s8") ? ReadString("--native-cli", "") is { Length: > 0 } built ? built : CliBuilds.Native() : null;
if (S2Build("native")) Both(off => CrawlScenarios.ThroughCli("S2 crawl via CLI (native), 1,000 pages x 50 ms, TL 64", nativeCli!, 1000, 50, 64, off, timeline));
if (S2Build("readytorun")) Both(off => CrawlScenarios.ThroughCli("S2 crawl via CLI (ReadyToRun), 1,000 pages x 50 ms, TL 64", readyToRunCli!, 1000, 50, 64, off, timeline));
if (S2Build("portable")) Both(off => CrawlScenarios.ThroughCli("S2 crawl via CLI (portable), 1,000 pages x 50 ms, TL 64", CliBuilds.Portable, 1000, 50, 64, off, timeline));
if (Wants("s3")) Both(off => CrawlScenarios.ThroughCli("S3 crawl via CLI (ReadyToRun), 10,000 pages x 50 ms, TL 64", readyToRunCli!, 10_000, 50, 64, off));
if (Wants("s3")) Both(off => CrawlScenarios.ThroughCli("S3 crawl via CLI (portable), 10,000 pages x 50 ms, TL 64", CliBuilds.Portable, 10_000, 50, 64, off));
// --in-process: S2/S3 again without the CLI process, to tell start-up apart from the engine; --timeline: requests in flight over
// time (in process from the HTTP client's counters; through the CLI as the server saw them, against the process's start and exit).
if (Wants("s2") && args.Contains("--in-process")) results.Add(CrawlScenarios.InProcess("S2 crawl in process, 1,000 pages x 50 ms, ThrottleLimit 64", 1000, 50, 64, [], out _, timeline));
if (Wants("s3") && args.Contains("--in-process")) results.Add(CrawlScenarios.InProcess("S3 crawl in process, 10,000 pages x 50 ms, ThrottleLimit 64", 10_000, 50, 64, [], out _, timeline));
if (Wants("s4"))
{
    // The first crawl in a process runs while the JIT compiles it, like a PowerShell session's first Invoke-SiteCrawl;
    // the same crawl again runs compiled code, like every later crawl of that session. Only one crawl can be the
    // first, so the retries-off twin is taken of the second.
    results.Add(CrawlScenarios.InProcess("S4 crawl, 10,000 pages x 0 ms, TL 64, first in process", 10_000, 0, 64, [], out _, allocations: args.Contains("--allocations")));
    Both(off => CrawlScenarios.InProcess("S4 crawl, 10,000 pages x 0 ms, TL 64, again in process", 10_000, 0, 64, [], out _, retriesOff: off));
    Both(off => CrawlScenarios.ThroughCli("S4 crawl via CLI (ReadyToRun), 10,000 pages x 0 ms, TL 64", readyToRunCli!, 10_000, 0, 64, off));
    Both(off => CrawlScenarios.ThroughCli("S4 crawl via CLI (native), 10,000 pages x 0 ms, TL 64", nativeCli!, 10_000, 0, 64, off));
}

if (Wants("s5"))
{
    List<WorkingSetSample> taken = [];
    Both(off =>
    {
        var result = CrawlScenarios.InProcess("S5 crawl, 100,000 pages x 0 ms, ThrottleLimit 64", 100_000, 0, 64, [10_000, 50_000, 100_000], out var samples, retriesOff: off);
        if (!off) taken = samples;
        return result;
    });
    milestones.AddRange(taken);
    results.Add(CrawlScenarios.ThroughCli("S5 crawl via CLI (native), 100,000 pages x 0 ms, TL 64", nativeCli!, 100_000, 0, 64));
    var s5 = results.Where(r => r.Scenario.StartsWith("S5", StringComparison.Ordinal)).ToList();
    s5PeakMemory = $"S5 peak memory: {s5[0].PeakWorkingSetMb:F0} MB in process (defaults), {s5[1].PeakWorkingSetMb:F0} MB in process (retries off), {s5[2].PeakWorkingSetMb:F0} MB via the native CLI (target < 300 MB)";
}

// S7: start-up of each build (median of 20 runs); S8: S3's site crawled twice through the native CLI with --cache.
if (Wants("s7")) results.AddRange(StartupScenario.Run([("native", nativeCli!), ("ReadyToRun", readyToRunCli!), ("portable", CliBuilds.Portable)]));
if (Wants("s8")) results.AddRange(CrawlScenarios.WarmCache("S8 crawl via CLI (native), 10,000 pages x 50 ms, TL 64", nativeCli!, 10_000, 50, 64));
// S9: a documentation folder, offline and online, beside the tools users would use instead.
if (Wants("s9")) results.AddRange(DocsScenario.Run(ReadInt("--docs-files", 10_000), ReadString("--node-tools", "") is { Length: > 0 } tools ? tools : null, ReadInt("--docs-latency-ms", 20)));
if (Wants("s6")) results.Add(WatchScenario.Run(1000, TimeSpan.FromSeconds(10), 50, 10, 64, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(watchSeconds)));

Print(results);
foreach (var (scenario, ratio) in retryCosts)
{
    Console.WriteLine($"{scenario}: defaults / retries off = {ratio:F3} x");
}

if (s5PeakMemory != null) Console.WriteLine(s5PeakMemory);
WorkingSetSample? previous = null;
foreach (var sample in milestones)
{
    // Linear growth shows as a steady cost per URL added between samples.
    string growth = previous == null ? "" : $"; {(sample.WorkingSetMb - previous.WorkingSetMb) * 1048576 / (sample.Urls - previous.Urls):F0} bytes per URL added since {previous.Pages:N0} pages";
    Console.WriteLine($"S5 working set at {sample.Pages,7:N0} pages ({sample.Urls:N0} URLs known): {sample.WorkingSetMb,6:F0} MB ({sample.WorkingSetMb * 1048576 / sample.Urls:F0} bytes per URL, {sample.WorkingSetMb * 1048576 / sample.Pages:F0} per page{growth})");
    previous = sample;
}

File.WriteAllText(jsonPath, JsonSerializer.Serialize(new { results, retryCosts = retryCosts.Select(r => new { r.Scenario, r.Ratio }), s5WorkingSet = milestones }, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written to {Path.GetFullPath(jsonPath)}");
return 0;

// S1: Test-Link over N URLs answering after a fixed latency, at several ThrottleLimits.
static IEnumerable<ScenarioResult> S1(int count, int latencyMs, int[] throttles, bool timeline)
{
    using var server = new ServerProcess(latencyMs);
    Warm(server.BaseUri);
    server.TakeHeldMs();
    double? serialWall = null;
    foreach (int throttle in throttles)
    {
        var input = Enumerable.Range(0, count).Select(i => new Uri(server.BaseUri, $"s1/{throttle}/{i}").AbsoluteUri).ToList();
        var options = new EngineOptions { ThrottleLimit = throttle, MaxConcurrencyPerHost = throttle };
        var checks = new LinkTools.Core.Checking.CheckPolicy { Method = LinkTools.Model.Checking.CheckMethod.Head };
        using var requests = timeline ? new RequestTimeline(TimeSpan.FromMilliseconds(10)) : null;
        var (wall, cpu, peak, objects) = Measure(server, () =>
        {
            var sink = new CountingSink();
            using var operation = new TestLinkOperation(new TestLinkSettings { Engine = options, Checks = checks }, sink);
            operation.Process(input);
            operation.End();
            return sink.Objects;
        });
        double ideal = count * latencyMs / 1000.0 / throttle;
        if (requests != null) Console.Write($"S1 ThrottleLimit {throttle}: requests in flight (mean per 100 ms)\n{requests.Render(throttle, TimeSpan.FromMilliseconds(100))}");
        serialWall ??= throttle == 1 ? wall.wall : null;
        string notes = $"server held a request {server.TakeHeldMs():F1} ms on average; ";
        if (serialWall is double serial && throttle > 1) notes += $"speed-up over ThrottleLimit 1: {serial / wall.wall:F1}x";
        if (objects != count) notes += $" ONLY {objects} of {count} results";
        yield return new ScenarioResult($"S1 Test-Link, {count} URLs x {latencyMs} ms, ThrottleLimit {throttle}", count, wall.wall, ideal, cpu, wall.serverCpu, peak, notes.Trim());
    }
}

// One request to open the server's first connection path (JIT on both sides), not counted.
static void Warm(Uri baseUri)
{
    var sink = new CountingSink();
    using var operation = new TestLinkOperation(new TestLinkSettings(), sink);
    operation.Process([new Uri(baseUri, "warm").AbsoluteUri]);
    operation.End();
}

static ((double wall, double serverCpu), double cpu, double peakMb, int objects) Measure(ServerProcess server, Func<int> run)
{
    GC.Collect();
    var self = Process.GetCurrentProcess();
    var cpuBefore = self.TotalProcessorTime;
    var serverBefore = server.CpuTime;
    long peak = 0;
    using var sampler = new Timer(_ => { self.Refresh(); peak = Math.Max(peak, self.WorkingSet64); }, null, 0, 200);
    var clock = Stopwatch.StartNew();
    int objects = run();
    double wall = clock.Elapsed.TotalSeconds;
    self.Refresh();
    peak = Math.Max(peak, self.WorkingSet64);
    return ((wall, (server.CpuTime - serverBefore).TotalSeconds), (self.TotalProcessorTime - cpuBefore).TotalSeconds, peak / 1048576.0, objects);
}

static void Print(List<ScenarioResult> rows)
{
    Console.WriteLine();
    Console.WriteLine($"{"scenario",-58} {"wall s",8} {"req/s",8} {"ideal s",8} {"wall/ideal",10} {"cpu s",7} {"server cpu s",12} {"peak MB",8}  notes");
    foreach (var r in rows)
    {
        Console.WriteLine($"{r.Scenario,-58} {r.WallSeconds,8:F2} {r.RequestsPerSecond,8:F0} {r.IdealSeconds,8:F2} {r.WallOverIdeal,10:F3} {r.CheckerCpuSeconds,7:F2} {r.ServerCpuSeconds,12:F2} {r.PeakWorkingSetMb,8:F0}");
        if (r.Notes.Length > 0) Console.WriteLine("    " + r.Notes);
    }
}

int ReadInt(string name, int fallback) => int.TryParse(ReadString(name, ""), out var v) ? v : fallback;

string ReadString(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
