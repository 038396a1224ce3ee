using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace LinkTools.Benchmarks;

/// <summary>
/// S9: a generated documentation tree (10,000 Markdown files) checked by `linktools crawl &lt;folder&gt;` offline and
/// online, and in the same run by the tools users would reach for instead, markdown-link-check and
/// `linkinator --markdown` (from npm, found in --node-tools, LINKTOOLS_BENCH_NODE_TOOLS or ./node_modules; skipped with
/// a message when absent). Every tool runs as a child process against the same tree and loopback server; files/s,
/// links/s, peak memory and recall (seeded broken links found, false alarms) are printed for each.
/// </summary>
internal static class DocsScenario
{
    private static readonly TimeSpan ToolLimit = TimeSpan.FromMinutes(5);

    public static List<ScenarioResult> Run(int files, string? nodeTools, int latencyMs)
    {
        var results = new List<ScenarioResult>();
        using var server = new ServerProcess(latencyMs);
        var tree = new DocsTreeGenerator(files);
        string root = Path.Combine(Path.GetTempPath(), "linktools-bench-docs");
        tree.Write(root, server.BaseUri);
        Console.WriteLine($"S9 tree: {tree.Files:N0} Markdown files, {tree.Links:N0} links, {tree.Broken.Count} seeded broken links, in {root}");
        var seeded = tree.Broken;

        var runs = new List<(string Name, double Wall)>();
        var cli = CliBuilds.Portable;
        foreach (bool offline in new[] { true, false })
        {
            var args = new List<string> { cli, "crawl", root, "--format", "json", "--throttle-limit", "64", "--max-concurrency-per-host", "64" };
            if (offline) args.Add("--offline");
            var run = Child.Run("dotnet", args, root);
            var found = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                return (json.RootElement.GetProperty("SourceUrl").GetString()!, json.RootElement.GetProperty("Url").GetString()!);
            }).ToList();
            // Offline, the seeded remote links are skipped, not missed: they are left out of what it should find.
            var expected = offline ? seeded.Where(s => !s.Raw.StartsWith("http", StringComparison.Ordinal)).ToList() : seeded;
            string name = $"S9 docs, linktools crawl <folder>{(offline ? " --offline" : "")}";
            results.Add(Row(name, tree, run, Recall(expected, found), $"exit {run.ExitCode}; " + LastLine(run.StdErr, "files read")));
            runs.Add((name, run.Wall));
        }

        string? tools = FindNodeTools(nodeTools);
        if (tools == null)
        {
            Console.WriteLine("S9: markdown-link-check and linkinator skipped: not found. Install them outside the repository, e.g. " +
                "`npm install --prefix /tmp/docsbench-tools markdown-link-check linkinator@6`, and pass --node-tools /tmp/docsbench-tools.");
            return results;
        }

        // It writes each file's name on stderr and that file's dead links on stdout: one pipe keeps them in order.
        var mlc = Child.Run("sh", ["-c", "exec node \"$0\" -q . 2>&1", Path.Combine(tools, "node_modules", "markdown-link-check", "markdown-link-check")], root, ToolLimit);
        results.Add(Row("S9 docs, markdown-link-check .", tree, mlc, Recall(seeded, ParseMarkdownLinkCheck(mlc.StdOut)), Finished(mlc)));
        if (!mlc.TimedOut) runs.Add(("markdown-link-check", mlc.Wall));

        var lk = Child.Run("node", [Path.Combine(tools, "node_modules", "linkinator", "build", "src", "cli.js"), "**/*.md", "--markdown", "--recurse", "--format", "json", "--timeout", "20000"], root, ToolLimit);
        results.Add(Row("S9 docs, linkinator \"**/*.md\" --markdown", tree, lk, Recall(seeded, ParseLinkinator(lk.StdOut)), Finished(lk)));
        if (!lk.TimedOut) runs.Add(("linkinator --markdown", lk.Wall));

        double ours = runs.First(r => r.Name.EndsWith("<folder>", StringComparison.Ordinal)).Wall;
        var others = runs.Where(r => !r.Name.StartsWith("S9", StringComparison.Ordinal)).ToList();
        if (others.Count > 0)
        {
            var fastest = others.MinBy(r => r.Wall);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"S9 online: linktools {ours:F2} s; fastest other tool {fastest.Name} {fastest.Wall:F2} s: {fastest.Wall / ours:F1}x (target >= 5x)"));
        }

        return results;
    }

    private static ScenarioResult Row(string name, DocsTreeGenerator tree, Child run, (int Found, int Expected, int FalseAlarms) recall, string notes) =>
        new(name, 0, run.Wall, 0, run.CpuSeconds, 0, run.PeakMb,
            string.Create(CultureInfo.InvariantCulture, $"{tree.Files / run.Wall:F0} files/s, {tree.Links / run.Wall:F0} links/s; recall {recall.Found}/{recall.Expected} seeded broken links, {recall.FalseAlarms} false alarms; {notes}"));

    private static string Finished(Child run) => run.TimedOut ? $"did not finish within {ToolLimit.TotalMinutes:F0} min (stopped)" : $"exit {run.ExitCode}";

    private static string LastLine(string text, string containing) =>
        text.Split('\n').LastOrDefault(l => l.Contains(containing, StringComparison.Ordinal))?.Trim() ?? "";

    /// <summary>Seeded links found (by file and the link as written or as resolved), and reported links that are not seeded.</summary>
    private static (int, int, int) Recall(List<(string File, string Raw, string Resolved)> seeded, List<(string File, string Link)> reported)
    {
        var wanted = new HashSet<(string, string)>();
        foreach (var s in seeded)
        {
            wanted.Add((s.File, s.Raw));
            wanted.Add((s.File, s.Resolved));
        }

        var hits = new HashSet<(string, string)>(reported.Select(r => (r.File.Replace('\\', '/').TrimStart('.', '/'), r.Link)));
        int found = seeded.Count(s => hits.Contains((s.File, s.Raw)) || hits.Contains((s.File, s.Resolved)));
        int falseAlarms = hits.Count(h => !wanted.Contains(h));
        return (found, seeded.Count, falseAlarms);
    }

    // "FILE: ./d00/page00.md" (or, with -q, "ERROR: 6 dead links found in d00/page00.md !") then "  [✖] link → Status: 400"
    // for each dead link of that file; a run stopped at the limit still counts what it printed.
    private static List<(string, string)> ParseMarkdownLinkCheck(string output)
    {
        var found = new List<(string, string)>();
        string file = "";
        foreach (var raw in output.Split('\n'))
        {
            string line = raw.Trim();
            var quiet = System.Text.RegularExpressions.Regex.Match(line, " dead links? found in (.+) !$");
            if (line.StartsWith("FILE: ", StringComparison.Ordinal)) file = line.Substring(6).Trim();
            else if (quiet.Success) file = quiet.Groups[1].Value;
            else if (line.StartsWith("[✖] ", StringComparison.Ordinal))
            {
                string link = line.Substring(4);
                int arrow = link.IndexOf(" → ", StringComparison.Ordinal);
                found.Add((file, arrow >= 0 ? link.Substring(0, arrow) : link));
            }
        }

        return found.Distinct().ToList();
    }

    // JSON: { links: [ { url, status, state, parent } ] }, BROKEN ones with the page that holds them.
    private static List<(string, string)> ParseLinkinator(string output)
    {
        var found = new List<(string, string)>();
        try
        {
            using var json = JsonDocument.Parse(output);
            foreach (var link in json.RootElement.GetProperty("links").EnumerateArray())
            {
                if (link.GetProperty("state").GetString() != "BROKEN" || !link.TryGetProperty("parent", out var parent) || parent.ValueKind != JsonValueKind.String) continue;
                found.Add((parent.GetString()!, link.GetProperty("url").GetString()!));
            }
        }
        catch (JsonException)
        {
        }

        return found;
    }

    private static string? FindNodeTools(string? given)
    {
        foreach (var candidate in new[] { given, Environment.GetEnvironmentVariable("LINKTOOLS_BENCH_NODE_TOOLS"), Directory.GetCurrentDirectory() })
        {
            if (candidate != null && File.Exists(Path.Combine(candidate, "node_modules", "markdown-link-check", "markdown-link-check")) &&
                File.Exists(Path.Combine(candidate, "node_modules", "linkinator", "build", "src", "cli.js"))) return Path.GetFullPath(candidate);
        }

        return null;
    }

    /// <summary>A child process run to the end (or stopped at a limit): its output, wall time, CPU and peak memory.</summary>
    private sealed class Child
    {
        public string StdOut { get; private init; } = "";
        public string StdErr { get; private init; } = "";
        public int ExitCode { get; private init; }
        public double Wall { get; private init; }
        public double CpuSeconds { get; private init; }
        public double PeakMb { get; private init; }
        public bool TimedOut { get; private init; }

        public static Child Run(string program, IEnumerable<string> args, string workingDirectory, TimeSpan? limit = null)
        {
            var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
            foreach (var arg in args) info.ArgumentList.Add(arg);
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(info)!;
            var usage = new CrawlScenarios.ChildUsage(process);
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            bool finished = process.WaitForExit(limit ?? TimeSpan.FromMinutes(30));
            if (!finished) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            double wall = clock.Elapsed.TotalSeconds;
            usage.Stop();
            return new Child { StdOut = stdout.Result, StdErr = stderr.Result, ExitCode = process.ExitCode, Wall = wall, CpuSeconds = usage.CpuSeconds, PeakMb = usage.PeakMb, TimedOut = !finished };
        }
    }
}
