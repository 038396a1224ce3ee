using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>Runs tests/LinkTools.ModuleLoadProbe (built with these tests) against a module folder, in its own process.</summary>
internal static class ModuleLoadProbe
{
    public static string Path
    {
        get
        {
            var configuration = typeof(ModuleLoadProbe).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = System.IO.Path.Combine(CmdletContractTests.RepoRoot(), "tests", "LinkTools.ModuleLoadProbe", "bin", configuration, "net10.0", "LinkTools.ModuleLoadProbe.dll");
            Assert.True(File.Exists(path), "The module load probe is not built: " + path);
            return path;
        }
    }

    /// <summary>The probe's JSON report; fails the test when the probe fails or runs past a minute.</summary>
    public static async Task<JsonElement> RunAsync(string moduleFolder)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path);
        info.ArgumentList.Add(moduleFolder);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The module load probe did not exit within 60 s.");
        }

        Assert.True(process.ExitCode == 0, $"The probe exited with {process.ExitCode}: {await stderr}");
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
