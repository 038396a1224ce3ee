using System.Diagnostics;

namespace LinkTools.Benchmarks;

/// <summary>Starts this program again as a `serve` child process and reads the address it listens on.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process _process;

    /// <param name="tls">Also serve two https origins (a self-signed certificate): <see cref="Addresses"/> 3 and 4.</param>
    public ServerProcess(int latencyMs, int sitePages = 0, bool tls = false)
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
        if (tls) info.ArgumentList.Add("tls");
        _process = Process.Start(info)!;
        var line = _process.StandardOutput.ReadLine() ?? throw new InvalidOperationException("benchmark server did not start");
        Addresses = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(a => new Uri(a.TrimEnd('/') + "/")).ToArray();
        BaseUri = Addresses[0];
    }

    public Uri BaseUri { get; }

    /// <summary>Every origin the server answers on: the site, a second origin, the slow host, then (with tls) two https origins.</summary>
    public IReadOnlyList<Uri> Addresses { get; }

    /// <summary>Records every request's arrival and answer from now until <see cref="TakeTrace"/>.</summary>
    public void StartTrace()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        client.GetStringAsync(new Uri(BaseUri, "__trace/start")).GetAwaiter().GetResult();
    }

    /// <summary>The requests since <see cref="StartTrace"/> (arrival and answer as Stopwatch timestamps); stops recording.</summary>
    public List<ServerTrace.Request> TakeTrace()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return ServerTrace.Parse(client.GetStringAsync(new Uri(BaseUri, "__trace/take")).GetAwaiter().GetResult());
    }

    /// <summary>
    /// Sends the server a few thousand concurrent requests along the paths a scenario takes (pages, assets, missing
    /// pages, redirects), then waits for its JIT to finish promoting them, so the server's own compilation is not
    /// charged to the checker it shares these two cores with.
    /// </summary>
    public void Warm(int requests = 1500, int concurrency = 128)
    {
        string[] paths = ["p/{0}.html", "img/{0}.png", "missing/{0}", "r/{0}", "warm/{0}", "error/{0}"];
        using var handler = new SocketsHttpHandler { AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
        int next = -1;
        async Task WorkerAsync()
        {
            for (int i; (i = Interlocked.Increment(ref next)) < requests;)
            {
                var method = i % 2 == 0 ? HttpMethod.Get : HttpMethod.Head;
                using var request = new HttpRequestMessage(method, new Uri(BaseUri, string.Format(paths[i % paths.Length], i % 100)));
                using var response = await client.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
            }
        }

        Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync))).GetAwaiter().GetResult();

        // The https origins: each request on a new connection, so the server's side of the handshake is compiled too.
        using var tlsHandler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = (_, _, _, _) => true } };
        using var tlsClient = new HttpClient(tlsHandler) { Timeout = TimeSpan.FromSeconds(30) };
        for (int i = 0; i < 100 && Addresses.Count > 3; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(Addresses[3 + i % 2], "warm/" + i));
            request.Headers.ConnectionClose = true;
            using var response = tlsClient.Send(request);
        }

        // Tier-1 recompilation runs in the background shortly after a method's 30th call.
        Thread.Sleep(500);
        TakeHeldMs();
    }

    /// <summary>The mean time the server held a request (its latency as delivered) since the last call, in ms; resets.</summary>
    public double TakeHeldMs()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var parts = client.GetStringAsync(new Uri(BaseUri, "__held")).GetAwaiter().GetResult().Split(' ');
        long count = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        return count == 0 ? 0 : double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) / count;
    }

    /// <summary>Page requests the server answered 304 (If-None-Match naming the page's ETag) since the last call; resets.</summary>
    public long TakeNotModified()
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        return long.Parse(client.GetStringAsync(new Uri(BaseUri, "__304")).GetAwaiter().GetResult(), System.Globalization.CultureInfo.InvariantCulture);
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
