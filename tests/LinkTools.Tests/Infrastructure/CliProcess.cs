using System.Diagnostics;

namespace LinkTools.Tests.Infrastructure;

/// <summary>Runs the built linktools CLI as a real process, as a user or a build agent would.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string StdOut, string StdErr)
    {
        public string[] Lines => StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    public static Task<Result> RunAsync(string? stdin, params string[] args) => RunWithEnvironmentAsync(null, stdin, args);

    /// <summary>Runs with extra environment variables for the child only; a null value removes a variable.</summary>
    public static Task<Result> RunWithEnvironmentAsync(IReadOnlyDictionary<string, string?>? environment, string? stdin, params string[] args) =>
        RunProgramAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "linktools.dll"), .. args], environment, stdin);

    /// <summary>Runs any build of linktools (the native executable, say) with the same bounds.</summary>
    public static async Task<Result> RunProgramAsync(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?>? environment = null, string? stdin = null)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value == null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        }

        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin != null) await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("linktools did not exit within 60 s: " + string.Join(' ', args));
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
