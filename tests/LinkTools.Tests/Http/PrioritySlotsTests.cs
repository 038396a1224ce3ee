using LinkTools.Core.Http;

namespace LinkTools.Tests.Http;

public sealed class PrioritySlotsTests
{
    [Fact]
    public async Task UrgentWaitersGoFirstAndAWaiterCancelledBeforeItsTurnHoldsNoSlot()
    {
        var slots = new PrioritySlots(1);
        await slots.WaitAsync(urgent: false, CancellationToken.None);
        var other = slots.WaitAsync(urgent: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var cancelled = slots.WaitAsync(urgent: true, cancel.Token);
        var urgent = slots.WaitAsync(urgent: true, CancellationToken.None);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TimeSpan.FromSeconds(10)));
        slots.Release();
        await urgent.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(other.IsCompleted);

        slots.Release();
        await other.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, slots.CurrentCount);
        slots.Release();
        Assert.Equal(1, slots.CurrentCount);
    }
}
