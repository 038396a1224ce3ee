using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Operations;

public class TestLinkOperationTests
{
    private static TestLinkSettings Settings(Func<EngineOptions, EngineOptions>? configure = null, bool quiet = false)
    {
        var engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20) };
        return new TestLinkSettings { Engine = configure == null ? engine : configure(engine), Quiet = quiet };
    }

    private static RecordingSink Run(TestLinkSettings settings, IEnumerable<string?> input, bool verbose = false)
    {
        var sink = new RecordingSink(verbose);
        using var operation = new TestLinkOperation(settings, sink);
        operation.Process(input);
        operation.End();
        return sink;
    }

    [Theory]
    [InlineData("not a url|ftp://127.0.0.1/file")]
    [InlineData("")]
    [InlineData("not a url|OK")]
    public async Task QuietIsFalseWhenNothingValidWasGivenOrAnInputWasRefused(string given)
    {
        var inputs = given.Split('|', StringSplitOptions.RemoveEmptyEntries);
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var sink = Run(Settings(quiet: true), inputs.Select(i => i == "OK" ? server.Url("fine").AbsoluteUri : i));
        Assert.Equal(new object[] { false }, sink.Objects);
        Assert.Equal(inputs.Count(i => i != "OK"), sink.Errors.Count);
    }

    [Fact]
    public void NothingCheckedIsAWarning()
    {
        var sink = Run(Settings(), Array.Empty<string>());
        Assert.Contains(sink.Warnings, w => w.Contains("No URL was checked"));
    }

    [Fact]
    public async Task BadInputIsAnErrorNamingItAndOthersAreStillChecked()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var sink = Run(Settings(), new[] { server.Url("a").AbsoluteUri, "not a url", "", "ftp://example.test/x", "example.test/page", server.Url("b").AbsoluteUri });
        Assert.Equal(2, sink.OfType<LinkResult>().Count());
        Assert.Equal(4, sink.Errors.Count);
        Assert.All(sink.Errors, e => Assert.Equal(PipelineErrorCategory.InvalidArgument, e.Category));
        Assert.Contains(sink.Errors, e => e.Exception.Message.Contains("'not a url'"));
        Assert.Contains(sink.Errors, e => e.Exception.Message.Contains("empty"));
        Assert.Contains(sink.Errors, e => e.Exception.Message.Contains("unsupported scheme 'ftp'"));
        Assert.Contains(sink.Errors, e => e.Exception.Message.Contains("Did you mean 'https://example.test/page'"));
        Assert.Equal("not a url", sink.Errors.Select(e => e.TargetObject).OfType<string>().First(t => t == "not a url"));
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task DuplicatesAreFetchedOnce()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var url = server.Url("same").AbsoluteUri;
        var sink = Run(Settings(), new[] { url, url, url });
        Assert.Single(sink.OfType<LinkResult>());
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task FirstResultArrivesBeforeInputEnds()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(Settings(), sink);
        operation.Process(new[] { server.Url("first").AbsoluteUri });
        var deadline = Stopwatch.StartNew();
        while (sink.Objects.Count == 0 && deadline.Elapsed < TimeSpan.FromSeconds(5))
        {
            Thread.Sleep(50);
            operation.Process(Array.Empty<string>()); // the next ProcessRecord call
        }

        Assert.Single(sink.Objects);
        operation.Process(new[] { server.Url("second").AbsoluteUri });
        operation.End();
        Assert.Equal(2, sink.Objects.Count);
    }

    [Fact]
    public async Task ThousandsInFlightStopWithinASecond()
    {
        await using var server = await TestServer.StartAsync(c => Task.Delay(TimeSpan.FromSeconds(60), c.RequestAborted));
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(Settings(o => o with { ThrottleLimit = 500, MaxConcurrencyPerHost = 500, Timeout = TimeSpan.FromSeconds(60) }), sink);
        var stoppedAt = Stopwatch.StartNew();
        var stopper = Task.Run(async () => { await Task.Delay(1500); stoppedAt.Restart(); operation.Stop(); });

        // Input blocks on backpressure (2000 hanging checks exceed the outstanding bound) until the stop.
        operation.Process(Enumerable.Range(0, 3000).Select(i => server.Url("hang/" + i).AbsoluteUri));
        operation.End();
        var afterStop = stoppedAt.Elapsed;
        await stopper;
        Assert.True(afterStop < TimeSpan.FromSeconds(1), $"Process and End returned {afterStop} after Stop");
        Assert.Empty(sink.OfType<LinkResult>());
        Assert.True(server.MaxInFlight >= 400, $"in flight {server.MaxInFlight}");
    }

    [Fact]
    public async Task QuietWritesOneBoolean()
    {
        await using var server = await TestServer.StartAsync(c => { c.Response.StatusCode = c.Request.Path == "/bad" ? 404 : 200; return Task.CompletedTask; });
        var good = Run(Settings(quiet: true), new[] { server.Url("ok").AbsoluteUri });
        var bad = Run(Settings(quiet: true), new[] { server.Url("ok").AbsoluteUri, server.Url("bad").AbsoluteUri });
        Assert.Equal(new object[] { true }, good.Objects);
        Assert.Equal(new object[] { false }, bad.Objects);
    }

    [Fact]
    public async Task InputWaitsWhenTooMuchIsOutstanding()
    {
        await using var server = await TestServer.StartAsync(c => Task.Delay(50));
        var settings = Settings(o => o with { ThrottleLimit = 4, MaxConcurrencyPerHost = 4 }) with { MaxOutstanding = 10 };
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(settings, sink);
        int maxOutstanding = 0;
        IEnumerable<string> Input()
        {
            for (int i = 0; i < 60; i++)
            {
                maxOutstanding = Math.Max(maxOutstanding, i - sink.Objects.Count);
                yield return server.Url("u" + i).AbsoluteUri;
            }
        }

        operation.Process(Input());
        operation.End();
        Assert.Equal(60, sink.Objects.Count);
        Assert.True(maxOutstanding <= 10, $"outstanding reached {maxOutstanding}");
    }

    [Fact]
    public async Task ProgressAndVerboseAreWrittenOnThePipelineThread()
    {
        await using var server = await TestServer.StartAsync(c => Task.Delay(30));
        var sink = Run(Settings(o => o with { ThrottleLimit = 2 }), Enumerable.Range(0, 40).Select(i => server.Url("p" + i).AbsoluteUri), verbose: true);
        Assert.Equal(40, sink.Objects.Count);
        Assert.NotEmpty(sink.Progress);
        Assert.True(sink.Progress.Last().Completed);
        Assert.Contains(sink.Verbose, v => v.Contains("HEAD " + server.Url("p0").AbsoluteUri + " -> 200"));
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task UserInfoIsRedactedInResults()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var url = $"http://admin:hunter2@127.0.0.1:{server.BaseUri.Port}/private";
        var sink = Run(Settings(), new[] { url });
        var result = Assert.Single(sink.OfType<LinkResult>());
        Assert.DoesNotContain("hunter2", result.Url);
        Assert.DoesNotContain("hunter2", result.FinalUrl);
    }
}
