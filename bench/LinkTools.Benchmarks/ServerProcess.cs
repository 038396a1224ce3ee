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

    /// <summary>
    /// Sends the server a few hundred concurrent requests before a scenario starts, so its own JIT and connection
    /// set-up are not charged to the checker (the server shares these two cores with it).
    /// </summary>
    public void Warm(int requests = 400, int concurrency = 32)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        Parallel.For(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, i =>
        {
            using var response = client.GetAsync(new Uri(BaseUri, $"warm/{i}")).GetAwaiter().GetResult();
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        });
    }

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
