using System.Diagnostics;
using System.Threading.Channels;
using LinkTools.Core.Pipeline;

namespace LinkTools.Tests.Pipeline;

public sealed class ChannelWaitTests
{
    [Fact]
    public void ReturnsWhenAnItemArrivesOrTheWaitIsCancelledLongBeforeTheTimeout()
    {
        var channel = Channel.CreateUnbounded<int>();
        var clock = Stopwatch.StartNew();
        _ = Task.Delay(50).ContinueWith(_ => channel.Writer.TryWrite(1));
        ChannelWait.ForItem(channel.Reader, TimeSpan.FromSeconds(30), CancellationToken.None);
        Assert.True(channel.Reader.TryRead(out _));

        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        ChannelWait.ForItem(channel.Reader, TimeSpan.FromSeconds(30), stop.Token);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"waited {clock.Elapsed}");
    }

    [Fact]
    public void GivesUpAfterTheTimeoutWhenNothingArrives()
    {
        var clock = Stopwatch.StartNew();
        ChannelWait.ForItem(Channel.CreateUnbounded<int>().Reader, TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(90), TimeSpan.FromSeconds(20));
    }
}
