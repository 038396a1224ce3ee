using System.Diagnostics;
using System.Runtime.InteropServices;

namespace LinkTools.Benchmarks;

/// <summary>
/// The two ways the CLI reaches users: the portable build (what `dotnet tool install` gives; all code JIT-compiled at
/// start) and `dotnet publish -r &lt;rid&gt;`, which precompiles it ReadyToRun. S2/S3 run both, since start-up is counted.
/// </summary>
internal static class CliBuilds
{
    /// <summary>The linktools.dll built beside this benchmark (portable, JIT).</summary>
    public static string Portable => Path.Combine(AppContext.BaseDirectory, "linktools.dll");

    /// <summary>Publishes the CLI ReadyToRun for this machine once per benchmark run and returns its linktools.dll.</summary>
    public static string ReadyToRun()
    {
        string repo = FindRepositoryRoot();
        string output = Path.Combine(AppContext.BaseDirectory, "cli-readytorun");
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true };
        foreach (var arg in new[] { "publish", Path.Combine(repo, "src", "LinkTools.Cli"), "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier,
                     "--self-contained", "false", "-o", output, "--nologo" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var log = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(300_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet publish of the CLI did not finish in 5 minutes");
        }

        if (process.ExitCode != 0) throw new InvalidOperationException("dotnet publish of the CLI failed:\n" + log.Result);
        return Path.Combine(output, "linktools.dll");
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
