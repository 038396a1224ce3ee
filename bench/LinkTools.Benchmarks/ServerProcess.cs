using System.Diagnostics;

namespace LinkTools.Benchmarks;

/// <summary>Starts this program again as a `serve` child process and reads the address it listens on.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    public ServerProcess(int latencyMs, int sitePages = 0)
    {
        var self = Environment.ProcessPath!;
        var info = new ProcessStartInfo(self)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") info.ArgumentList.Add(typeof(ServerProcess).Assembly.Location);
        info.ArgumentList.Add("serve");
        info.ArgumentList.Add(latencyMs.ToString());
        info.ArgumentList.Add(sitePages.ToString());
        _process = Process.Start(info)!;
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("benchmark server did not start");
        BaseUri = new Uri(line.TrimEnd('/') + "/");
    }

    public Uri BaseUri { get; }

    public TimeSpan CpuTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    public void Dispose()
    {
        try
        {
            _process.StandardInput.Close();
            if (!_process.WaitForExit(5000)) _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}
