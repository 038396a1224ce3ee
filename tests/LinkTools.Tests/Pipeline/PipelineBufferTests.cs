using System.Diagnostics;
using LinkTools.Core.Pipeline;

namespace LinkTools.Tests.Pipeline;

public sealed class PipelineBufferTests
{
    // The pipeline thread waits for output in slices; work that ends without a last output (a crawl whose last row is
    // already out) must end the wait then, not at the slice's end (up to 100 ms after every crawl, check and watch).
    [Fact]
    public void AWaitForOutputEndsWhenTheWorkItWatchesEndsWithoutOutput()
    {
        var buffer = new PipelineBuffer();
        var work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        buffer.WakeWhen(work.Task);
        var clock = Stopwatch.StartNew();
        _ = Task.Delay(50).ContinueWith(_ => work.SetResult());
        buffer.WaitForOutput(TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"waited {clock.Elapsed}");
    }
}
