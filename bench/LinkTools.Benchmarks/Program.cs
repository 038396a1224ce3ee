using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using LinkTools.Benchmarks;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;

// The LinkTools benchmark: scenarios against a loopback server this program starts as a child process.
//   dotnet run -c Release --project bench/LinkTools.Benchmarks -- [s1] [--urls N] [--json path]
if (args.Length > 0 && args[0] == "serve") return await LatencyServer.ServeAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture));

int urls = ReadInt("--urls", 1000);
string jsonPath = ReadString("--json", "bench-results.json");
var results = new List<ScenarioResult>();

Console.WriteLine($"LinkTools benchmark, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
results.AddRange(S1(urls, latencyMs: 100, throttles: [1, 50, 100]));

Print(results);
File.WriteAllText(jsonPath, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
Console.WriteLine($"written to {Path.GetFullPath(jsonPath)}");
return 0;

// S1: Test-Link over N URLs answering after a fixed latency, at several ThrottleLimits.
static IEnumerable<ScenarioResult> S1(int count, int latencyMs, int[] throttles)
{
    using var server = new ServerProcess(latencyMs);
    Warm(server.BaseUri);
    double? serialWall = null;
    foreach (int throttle in throttles)
    {
        var input = Enumerable.Range(0, count).Select(i => new Uri(server.BaseUri, $"s1/{throttle}/{i}").AbsoluteUri).ToList();
        var options = new EngineOptions { ThrottleLimit = throttle, MaxConcurrencyPerHost = throttle, Method = LinkTools.Core.Checking.CheckMethod.Head };
        var (wall, cpu, peak, objects) = Measure(server, () =>
        {
            var sink = new CountingSink();
            using var operation = new TestLinkOperation(new TestLinkSettings { Engine = options }, sink);
            operation.Process(input);
            operation.End();
            return sink.Objects;
        });
        double ideal = count * latencyMs / 1000.0 / throttle;
        serialWall ??= throttle == 1 ? wall.wall : null;
        string notes = serialWall is double serial && throttle > 1 ? $"speed-up over ThrottleLimit 1: {serial / wall.wall:F1}x" : "";
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
        Console.WriteLine($"{r.Scenario,-58} {r.WallSeconds,8:F2} {r.RequestsPerSecond,8:F0} {r.IdealSeconds,8:F2} {r.WallOverIdeal,10:F3} {r.CheckerCpuSeconds,7:F2} {r.ServerCpuSeconds,12:F2} {r.PeakWorkingSetMb,8:F0}  {r.Notes}");
    }
}

int ReadInt(string name, int fallback) => int.TryParse(ReadString(name, ""), out var v) ? v : fallback;

string ReadString(string name, string fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}
