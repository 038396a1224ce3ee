using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Infrastructure;

/// <summary>
/// The natively compiled linktools (Native AOT, trimmed), published once per test run for this machine's runtime
/// identifier into the test output, or taken from LINKTOOLS_NATIVE_CLI when a build step has published it already
/// (build.ps1 -Task Native). Publishing takes minutes on two cores, so every native test shares this one build.
/// </summary>
public sealed class NativeCli
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _path;

    public static async Task<string> PathAsync()
    {
        await Gate.WaitAsync();
        try
        {
            return _path ??= await FindOrPublishAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task<CliProcess.Result> RunAsync(params string[] args) => await CliProcess.RunProgramAsync(await PathAsync(), args);

    private static async Task<string> FindOrPublishAsync()
    {
        if (Environment.GetEnvironmentVariable("LINKTOOLS_NATIVE_CLI") is { Length: > 0 } given)
        {
            Assert.True(File.Exists(given), $"LINKTOOLS_NATIVE_CLI names {given}, which does not exist.");
            return given;
        }

        var configuration = typeof(NativeCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(CmdletContractTests.RepoRoot(), "src", "LinkTools.Cli", "LinkTools.Cli.csproj");
        var output = Path.Combine(AppContext.BaseDirectory, "native", RuntimeInformation.RuntimeIdentifier);
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "publish", project, "-c", configuration, "-r", RuntimeInformation.RuntimeIdentifier, "-o", output })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The native publish of linktools took over 20 minutes.");
        }

        // A trimming or AOT warning fails the publish (IlcTreatWarningsAsErrors in the project), and so this test.
        Assert.True(process.ExitCode == 0, $"dotnet publish (Native AOT) exited with {process.ExitCode}:\n{await stdout}\n{await stderr}");
        var executable = Path.Combine(output, OperatingSystem.IsWindows() ? "linktools.exe" : "linktools");
        Assert.True(File.Exists(executable), "The native publish made no " + executable);
        return executable;
    }
}
