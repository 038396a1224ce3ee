using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace LinkTools.Benchmarks;

/// <summary>
/// A crawl through the CLI seen from the server (`--timeline`): when each request arrived and was answered, against the
/// checker process's start and exit. It splits the wall time into the process start before the first request, the
/// ramp-up, the steady state and the tail, and says what the tail waited on.
/// </summary>
internal static class ServerTrace
{
    /// <summary>One request: arrival and answer (Stopwatch timestamps), which host (site, external, slow), method and path.</summary>
    internal sealed record Request(long Arrived, long Answered, string Host, string Method, string Path)
    {
        public string Kind => Host switch
        {
            "slow" => "slow host",
            "external" => Path.StartsWith("/e/", StringComparison.Ordinal) ? "other origin" : Path.StartsWith("/error/", StringComparison.Ordinal) ? "other origin 500" : "other origin 404",
            _ when Path.StartsWith("/p/", StringComparison.Ordinal) => "page",
            _ when Path.StartsWith("/error/", StringComparison.Ordinal) => "500",
            _ when Path.StartsWith("/missing/", StringComparison.Ordinal) => "404",
            _ when Path.StartsWith("/r/", StringComparison.Ordinal) => "redirect",
            _ => "asset",
        };
    }

    public static List<Request> Parse(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .Select(f => new Request(long.Parse(f[0], CultureInfo.InvariantCulture), long.Parse(f[1], CultureInfo.InvariantCulture), f[2], f[3], f[4]))
            .OrderBy(r => r.Arrived)
            .ToList();

    /// <summary>The timeline as text; times in ms after <paramref name="started"/> (the process start), to <paramref name="exited"/>.</summary>
    public static string Render(string name, List<Request> requests, long started, long exited, int throttle, int latencyMs)
    {
        var text = new StringBuilder();
        if (requests.Count == 0) return $"{name}: no requests traced\n";
        double Ms(long timestamp) => (timestamp - started) * 1000.0 / Stopwatch.Frequency;
        void Line(FormattableString line) => text.Append("    ").Append(line.ToString(CultureInfo.InvariantCulture)).Append('\n');

        text.Append(CultureInfo.InvariantCulture, $"{name}: seen from the server, ms after the process started\n");
        var first = requests[0];
        Line($"process start to the first request's arrival: {Ms(first.Arrived):F0} ms ({first.Method} {first.Path}, answered at {Ms(first.Answered):F0});");
        if (requests.Count > 1) Line($"the second request arrived at {Ms(requests[1].Arrived):F0} ms, {(requests[1].Arrived - first.Answered) * 1000.0 / Stopwatch.Frequency:F1} ms after the first answer");

        // Requests held at the server at each 10 ms, from the arrivals and answers.
        long end = requests.Max(r => r.Answered);
        long step = Stopwatch.Frequency / 100;
        var samples = new List<(double Ms, int InFlight)>();
        var arrivals = requests.Select(r => r.Arrived).Order().ToArray();
        var answers = requests.Select(r => r.Answered).Order().ToArray();
        int a = 0, b = 0;
        for (long t = started; t <= end; t += step)
        {
            while (a < arrivals.Length && arrivals[a] <= t) a++;
            while (b < answers.Length && answers[b] <= t) b++;
            samples.Add((Ms(t), a - b));
        }

        var full = samples.FirstOrDefault(s => s.InFlight >= throttle * 0.9);
        Line($"ramp-up: {throttle * 0.9:F0} or more in flight first at {(full.InFlight > 0 ? full.Ms.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "never")}");
        Line($"requests held at the server (mean per 100 ms; bar = {throttle}), and the pages and other requests that arrived:");
        var pagesIn = requests.Where(r => r.Kind == "page").GroupBy(r => (int)(Ms(r.Arrived) / 100)).ToDictionary(g => g.Key, g => g.Count());
        var othersIn = requests.Where(r => r.Kind != "page").GroupBy(r => (int)(Ms(r.Arrived) / 100)).ToDictionary(g => g.Key, g => g.Count());
        foreach (var group in samples.GroupBy(s => (int)(s.Ms / 100)))
        {
            double mean = group.Average(s => s.InFlight);
            int bar = (int)Math.Round(40 * Math.Min(1, mean / throttle));
            Line($"  {group.Key / 10.0,5:F1}s {mean,6:F1} |{new string('#', bar),-40}| {pagesIn.GetValueOrDefault(group.Key),4} pages {othersIn.GetValueOrDefault(group.Key),4} other");
        }

        // When each level of the page tree was requested: a late level pushes the links found on it (the slow host's among them) late.
        foreach (var level in requests.Where(r => r.Kind == "page" && r.Method == "GET").GroupBy(r => TreeLevel(PageNumber(r.Path))).OrderBy(g => g.Key))
        {
            Line($"pages of tree level {level.Key}: {level.Count()} arrived {Ms(level.Min(r => r.Arrived)):F0}-{Ms(level.Max(r => r.Arrived)):F0} ms");
        }

        var slow = requests.Where(r => r.Kind == "slow host").ToList();
        if (slow.Count > 0) Line($"slow host: {slow.Count} requests arrived {Ms(slow.Min(r => r.Arrived)):F0}-{Ms(slow.Max(r => r.Arrived)):F0} ms, the last answered at {Ms(slow.Max(r => r.Answered)):F0} ms");

        var lastArrival = requests[^1];
        var lastAnswer = requests.MaxBy(r => r.Answered)!;
        Line($"last request arrived at {Ms(lastArrival.Arrived):F0} ms ({lastArrival.Kind}); last answer at {Ms(lastAnswer.Answered):F0} ms ({lastAnswer.Kind}); the process exited at {Ms(exited):F0} ms, {(exited - lastAnswer.Answered) * 1000.0 / Stopwatch.Frequency:F0} ms after the last answer");

        // The tail: what arrived in the last 0.5 s before the last answer, and what the run would have taken without the slow host.
        long tailFrom = lastAnswer.Answered - Stopwatch.Frequency / 2;
        var tail = requests.Where(r => r.Arrived >= tailFrom).GroupBy(r => r.Kind).Select(g => $"{g.Count()} {g.Key}");
        Line($"arrived in the last 500 ms before the last answer: {string.Join(", ", tail)}");
        var notSlow = requests.Where(r => r.Kind != "slow host").ToList();
        Line($"last answer of any other host at {Ms(notSlow.Max(r => r.Answered)):F0} ms");

        // The steady state: requests that arrived while the slots were full, and how long the server held them.
        var steady = requests.Where(r => r.Kind != "slow host" && samples.Any(s => Math.Abs(s.Ms - Ms(r.Arrived)) < 5 && s.InFlight >= throttle * 0.9)).ToList();
        if (steady.Count > 0)
        {
            Line($"steady state: {steady.Count} requests arrived with {throttle * 0.9:F0} or more in flight, held {steady.Average(r => (r.Answered - r.Arrived) * 1000.0 / Stopwatch.Frequency):F1} ms on average (asked: {latencyMs})");
        }

        var byKind = requests.GroupBy(r => r.Kind).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}");
        Line($"{requests.Count} requests: {string.Join(", ", byKind)}");
        return text.ToString();
    }

    private static int PageNumber(string path) => int.Parse(path.AsSpan(3, path.Length - 8), CultureInfo.InvariantCulture);

    private static int TreeLevel(int page)
    {
        int level = 0;
        for (; page > 0; page = (page - 1) / SiteGenerator.Branching) level++;
        return level;
    }
}
