using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Test-Link over 2,000 URLs while the server misbehaves on 5 % of them. The faults are chosen at random once, with a
/// fixed seed, and each URL's behaviour is fixed, so every verdict and attempt count can be asserted exactly.
/// Runs alone so the managed-heap peak it asserts is its own.
/// </summary>
[Collection(IsolatedFaultCollection.Name)]
public class LoadFaultTests
{
    private const int UrlCount = 2000;
    private const int FaultyCount = UrlCount / 20;
    private const long HeapBound = 256L * 1024 * 1024;

    private enum Fault { None, ResetFirst, ServerErrorFirst, StallFirst, AlwaysServerError }

    private readonly ITestOutputHelper _output;

    public LoadFaultTests(ITestOutputHelper output) => _output = output;

    private static Dictionary<int, Fault> ChooseFaults()
    {
        var random = new Random(2026);
        var kinds = new[] { Fault.ResetFirst, Fault.ServerErrorFirst, Fault.StallFirst, Fault.AlwaysServerError };
        return Enumerable.Range(0, UrlCount).OrderBy(_ => random.Next()).Take(FaultyCount)
            .Select((url, n) => (url, kind: kinds[n % kinds.Length]))
            .ToDictionary(x => x.url, x => x.kind);
    }

    [Fact]
    public async Task TwoThousandUrlsWithFivePercentFaultsAreEachReportedOnceWithTheRightVerdict()
    {
        var faults = ChooseFaults();
        var attemptsSeen = new int[UrlCount];
        var getsSeen = new int[UrlCount];
        await using var server = await TestServer.StartAsync(async c =>
        {
            int id = int.Parse(c.Request.Path.Value!.Split('/').Last());
            int attempt = Interlocked.Increment(ref attemptsSeen[id]);
            if (HttpMethods.IsGet(c.Request.Method)) Interlocked.Increment(ref getsSeen[id]);
            switch (faults.GetValueOrDefault(id))
            {
                case Fault.ResetFirst when attempt == 1:
                    c.Abort();
                    return;
                case Fault.ServerErrorFirst when attempt == 1:
                case Fault.AlwaysServerError:
                    c.Response.StatusCode = StatusCodes.Status500InternalServerError;
                    return;
                case Fault.StallFirst when attempt == 1:
                    await Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted);
                    return;
            }
        });

        var settings = FaultOptions.TestLink(o => o with { Timeout = TimeSpan.FromSeconds(5), MaximumRetryCount = 2, ThrottleLimit = 50, MaxConcurrencyPerHost = 50 });
        var inputs = Enumerable.Range(0, UrlCount).Select(i => server.Url("load/" + i).AbsoluteUri).ToList();
        var clock = Stopwatch.StartNew();
        long peakHeap = 0;
        using (new Timer(_ => InterlockedMax(ref peakHeap, GC.GetTotalMemory(false)), null, 0, 50))
        {
            var sink = await Invariants.TestLinkAsync(settings, inputs, TimeSpan.FromMinutes(3));
            InterlockedMax(ref peakHeap, GC.GetTotalMemory(false));
            _output.WriteLine($"{UrlCount} URLs, {FaultyCount} faulty: {clock.Elapsed.TotalSeconds:N1} s, {server.Requests} requests, {server.MaxInFlight} most in flight, managed heap peak {peakHeap / (1024 * 1024)} MB");
            Assert.True(peakHeap < HeapBound, $"managed heap reached {peakHeap:N0} bytes");
            AssertVerdicts(sink, inputs, faults, attemptsSeen, getsSeen);
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long seen;
        while (value > (seen = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }

    private static void AssertVerdicts(RecordingSink sink, List<string> inputs, Dictionary<int, Fault> faults, int[] attemptsSeen, int[] getsSeen)
    {
        var results = sink.OfType<LinkResult>().ToDictionary(r => r.Url);
        Assert.Equal(UrlCount, results.Count);
        Assert.Empty(sink.Errors);
        for (int i = 0; i < UrlCount; i++)
        {
            var result = results[inputs[i]];
            var fault = faults.GetValueOrDefault(i);
            switch (fault)
            {
                case Fault.None:
                    Assert.Equal(LinkStatus.Ok, result.Status);
                    Assert.Equal(1, result.Attempts);
                    break;
                case Fault.ResetFirst:
                case Fault.ServerErrorFirst:
                case Fault.StallFirst:
                    // Retried once, then answered: a transient fault is not a broken link.
                    Assert.True(result.Status == LinkStatus.Ok, $"{fault} {i}: {result}");
                    Assert.Equal(2, result.Attempts);
                    break;
                case Fault.AlwaysServerError:
                    // When the host has answered others (almost always here), the confirming GET is the HEAD's one
                    // prompt retry; when it has not yet, the HEAD is retried up to -MaximumRetryCount, then one GET.
                    // Whether the host is healthy is judged once, at the first failure. Either way the GET is not retried.
                    Assert.Equal(LinkStatus.Broken, result.Status);
                    Assert.Equal(500, result.StatusCode);
                    Assert.Equal("GET", result.Method);
                    Assert.True(result.Attempts == 2 || result.Attempts == 4, $"{fault} {i}: {result.Attempts} attempts");
                    Assert.Equal(1, Volatile.Read(ref getsSeen[i]));
                    break;
            }

            Assert.Equal(result.Attempts, Volatile.Read(ref attemptsSeen[i]));
        }
    }
}
