using Xunit.Sdk;

namespace LinkTools.Tests.Faults;

/// <summary>The invariants must be able to fail, or every fault case passing them means nothing.</summary>
[Collection(IsolatedFaultCollection.Name)]
public class InvariantsSelfTests
{
    [Fact]
    public async Task AnUnobservedTaskExceptionFailsTheCase()
    {
        await Assert.ThrowsAsync<TrueException>(() => Invariants.WithinAsync(TimeSpan.FromSeconds(10), async () =>
        {
            DropFaultedTask();
            await Task.Yield();
            return 0;
        }));
    }

    [Fact]
    public async Task OverrunningTheBoundFailsTheCase()
    {
        await Assert.ThrowsAsync<TrueException>(() => Invariants.WithinAsync(TimeSpan.FromMilliseconds(100), async () =>
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            return 0;
        }));
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void DropFaultedTask()
    {
        var dropped = new TaskCompletionSource();
        dropped.SetException(new InvalidOperationException("nobody observes this"));
    }
}
