using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Pipeline;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Http;

/// <summary>An operation's output reaches its sink only on the pipeline thread, as PowerShell's PSTask checks.</summary>
public class PipelineThreadTests
{
    private static TestLinkSettings Settings() => new() { Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5) } };

    [Fact]
    public void WritingToTheSinkFromAnotherThreadThrowsAndNamesBothThreads()
    {
        int pipelineThread = Environment.CurrentManagedThreadId;
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(Settings(), sink);
        var error = new PipelineError(new ArgumentException("bad"), "InvalidUrl", PipelineErrorCategory.InvalidArgument, "bad");

        // A thread of its own: a pool thread could be this very thread, free again while a test awaits.
        Exception? thrown = null;
        var worker = new Thread(() => thrown = Record.Exception(() => operation.Reject(error)));
        worker.Start();
        Assert.True(worker.Join(TimeSpan.FromSeconds(10)));

        var refused = Assert.IsType<InvalidOperationException>(thrown);
        Assert.Contains("pipeline thread", refused.Message, StringComparison.Ordinal);
        Assert.Contains("thread " + pipelineThread, refused.Message, StringComparison.Ordinal);
        Assert.Empty(sink.Errors);
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public void TheSameWriteOnThePipelineThreadReachesTheSink()
    {
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(Settings(), sink);
        operation.Reject(new PipelineError(new ArgumentException("bad"), "InvalidUrl", PipelineErrorCategory.InvalidArgument, "bad"));
        Assert.Single(sink.Errors);
    }
}
