using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LinkTools.Benchmarks;

/// <summary>
/// The three ways the CLI reaches users: the portable build (what `dotnet tool install` gives; all code JIT-compiled
/// at start), ReadyToRun (`dotnet publish -r &lt;rid&gt; -p:PublishAot=false`: precompiled, on the installed runtime)
/// and the native executable (`dotnet publish -r &lt;rid&gt;`: Native AOT, no runtime, no JIT). Start-up is counted.
/// </summary>
internal static class CliBuilds
{
    /// <summary>The linktools.dll built beside this benchmark (portable, JIT).</summary>
    public static string Portable => Path.Combine(AppContext.BaseDirectory, "linktools.dll");

    /// <summary>Publishes the CLI ReadyToRun for this machine once per benchmark run and returns its linktools.dll.</summary>
    public static string ReadyToRun() =>
        Path.Combine(Publish("cli-readytorun", "--self-contained", "false", "-p:PublishAot=false"), "linktools.dll");

    /// <summary>Publishes the native executable for this machine once per benchmark run and returns its path.</summary>
    public static string Native() =>
        Path.Combine(Publish("cli-native"), OperatingSystem.IsWindows() ? "linktools.exe" : "linktools");

    /// <summary>How to start a build: a .dll through `dotnet`, the native executable by itself.</summary>
    public static ProcessStartInfo StartInfo(string cli, IEnumerable<string> args)
    {
        bool managed = cli.EndsWith(".dll", StringComparison.OrdinalIgnoreCase);
        var info = new ProcessStartInfo(managed ? "dotnet" : cli) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (managed) info.ArgumentList.Add(cli);
        foreach (var arg in args) info.ArgumentList.Add(arg);
        return info;
    }

    private static string Publish(string folder, params string[] extra)
    {
        string repo = FindRepositoryRoot();
        string output = Path.Combine(AppContext.BaseDirectory, folder);
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "publish", Path.Combine(repo, "src", "LinkTools.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "-o", output, "--nologo" }.Concat(extra))
        {
            info.ArgumentList.Add(arg);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(1_200_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet publish of the CLI ({folder}) did not finish in 20 minutes");
        }

        if (process.ExitCode != 0) throw new InvalidOperationException($"dotnet publish of the CLI ({folder}) failed:\n" + log.Result);
        Console.WriteLine($"published {folder} in {clock.Elapsed.TotalSeconds:F0} s");
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LinkTools.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("LinkTools.sln not found above " + AppContext.BaseDirectory);
    }
}
