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
    /// Sends the server a few thousand concurrent requests along the paths a scenario takes (pages, assets, missing
    /// pages, redirects), then waits for its JIT to finish promoting them, so the server's own compilation is not
    /// charged to the checker it shares these two cores with.
    /// </summary>
    public void Warm(int requests = 3000, int concurrency = 32)
    {
        string[] paths = ["p/{0}.html", "img/{0}.png", "missing/{0}", "r/{0}", "warm/{0}"];
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        Parallel.For(0, requests, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, i =>
        {
            var method = i % 2 == 0 ? HttpMethod.Get : HttpMethod.Head;
            using var request = new HttpRequestMessage(method, new Uri(BaseUri, string.Format(paths[i % paths.Length], i % 100)));
            using var response = client.Send(request);
            response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        });

        // Tier-1 recompilation runs in the background shortly after a method's 30th call.
        Thread.Sleep(500);
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
