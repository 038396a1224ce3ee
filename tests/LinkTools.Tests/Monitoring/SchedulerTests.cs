using System.Collections.Concurrent;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Scheduling;

namespace LinkTools.Tests.Monitoring;

public class SchedulerTests
{
    private static WatchSite Site(int i) => new(new Uri($"http://127.0.0.1:9/site{i}"));

    [Fact]
    public void SpreadIsStableAndWithinTheInterval()
    {
        var interval = TimeSpan.FromSeconds(10);
        var offsets = Enumerable.Range(0, 200).Select(i => StableSpread.Offset(Site(i).Key, interval)).ToArray();
        Assert.All(offsets, o => Assert.InRange(o, TimeSpan.Zero, interval));
        Assert.Equal(offsets, Enumerable.Range(0, 200).Select(i => StableSpread.Offset(Site(i).Key, interval)));
        // Spread, not bunched: every tenth of the interval gets some sites.
        Assert.Equal(10, offsets.Select(o => (int)(o.Ticks * 10 / interval.Ticks)).Distinct().Count());
    }

    [Fact]
    public void DueQueueReturnsEarliestFirstAndKeepsOrderOnTies()
    {
        var queue = new DueQueue<string>();
        queue.Enqueue("c", TimeSpan.FromSeconds(3));
        queue.Enqueue("a1", TimeSpan.FromSeconds(1));
        queue.Enqueue("b", TimeSpan.FromSeconds(2));
        queue.Enqueue("a2", TimeSpan.FromSeconds(1));
        Assert.Equal(new[] { "a1", "a2", "b", "c" }, new[] { queue.Dequeue(), queue.Dequeue(), queue.Dequeue(), queue.Dequeue() });
    }

    [Fact]
    public async Task SlotsAreFixedRateAndRoundsAreCounted()
    {
        var interval = TimeSpan.FromMilliseconds(200);
        var seen = new ConcurrentBag<ScheduledCheck>();
        var scheduler = new CheckScheduler(Enumerable.Range(0, 5).Select(Site), new ScheduleOptions { Interval = interval, Rounds = 4, MaxInFlight = 10 },
            async (check, ct) => { seen.Add(check); await Task.Delay(20, ct); });
        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(20, seen.Count);
        foreach (var site in seen.GroupBy(c => c.Site.Key))
        {
            var slots = site.OrderBy(c => c.Round).Select(c => c.Slot).ToArray();
            Assert.Equal(new[] { 1, 2, 3, 4 }, site.Select(c => c.Round).OrderBy(r => r));
            var first = StableSpread.Offset(site.Key, interval);
            // No drift: every slot is the first plus whole intervals, whatever the checks took (a busy machine
            // may merge a slot, which skips whole intervals but never shifts the grid).
            Assert.Equal(first, slots[0]);
            Assert.All(slots, s => Assert.Equal(0, (s - first).Ticks % interval.Ticks));
            Assert.Equal(slots.OrderBy(s => s), slots);
            Assert.Equal(4, slots.Distinct().Count());
        }
    }

    [Fact]
    public async Task ASlotMissedByASlowCheckIsMergedNotQueuedUp()
    {
        // Intervals of 200 ms, not less: on a loaded test machine a shorter schedule is at the mercy of the thread pool.
        var interval = TimeSpan.FromMilliseconds(200);
        var seen = new ConcurrentBag<ScheduledCheck>();
        // The first check takes 3.5 intervals; the slots it ran over are merged into one check.
        var scheduler = new CheckScheduler(new[] { Site(1) }, new ScheduleOptions { Interval = interval, Duration = TimeSpan.FromMilliseconds(1800), Spread = false },
            async (check, ct) => { seen.Add(check); if (check.Round == 1) await Task.Delay(700, ct); });
        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        var checks = seen.OrderBy(c => c.Round).ToArray();
        Assert.True(checks[1].MissedSlots >= 2, $"second check missed {checks[1].MissedSlots} slots");
        Assert.True(checks[1].Slot >= 3 * interval);
        // Without merging there would be 9 checks in 9 intervals; with it, the missed ones are gone.
        Assert.InRange(checks.Length, 3, 7);
        Assert.Equal(checks.Length, checks.Select(c => c.Slot).Distinct().Count());
    }

    [Fact]
    public async Task LagIsRecordedForEveryCheckAndCountsTheWaitForASlot()
    {
        var interval = TimeSpan.FromSeconds(5);
        var scheduler = new CheckScheduler(Enumerable.Range(0, 4).Select(Site), new ScheduleOptions { Interval = interval, Rounds = 1, MaxInFlight = 1, Spread = false },
            (check, ct) => Task.Delay(150, ct));
        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        var lags = scheduler.Lags.SnapshotMs().OrderBy(l => l).ToArray();
        Assert.Equal(4, lags.Length);
        // One slot for four checks due at once: the last waited for the three before it.
        Assert.True(lags[3] >= 400, $"largest lag {lags[3]} ms");
    }

    [Fact]
    public async Task CancellationEndsTheRunPromptly()
    {
        using var stop = new CancellationTokenSource();
        var scheduler = new CheckScheduler(Enumerable.Range(0, 10).Select(Site), new ScheduleOptions { Interval = TimeSpan.FromMilliseconds(50) },
            (check, ct) => Task.Delay(TimeSpan.FromSeconds(60), ct));
        var run = scheduler.RunAsync(stop.Token);
        await Task.Delay(200);
        var stoppedAt = System.Diagnostics.Stopwatch.StartNew();
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.True(stoppedAt.Elapsed < TimeSpan.FromSeconds(5), $"took {stoppedAt.Elapsed}");
    }

    [Fact]
    public void LagAdviceShowsTheArithmetic()
    {
        string advice = LagAdvisor.Advice(1000, TimeSpan.FromSeconds(10), 500, 16, TimeSpan.FromMilliseconds(2500));
        Assert.Contains("100 checks/s", advice);
        Assert.Contains("100/s × 0.5 s = 50 checks in flight", advice);
        Assert.Contains("-ThrottleLimit is 16", advice);
        Assert.Contains("about 75", advice);
        string notTheThrottle = LagAdvisor.Advice(2, TimeSpan.FromSeconds(1), 2000, 50, TimeSpan.FromMilliseconds(240));
        Assert.Contains("2/s × 2 s = 4 checks in flight", notTheThrottle);
        Assert.Contains("enough slots", notTheThrottle);
        Assert.DoesNotContain("Raise -ThrottleLimit", notTheThrottle);

        // Early in a run the timeouts have not finished, so the average is low; busy slots still say "raise it".
        string saturated = LagAdvisor.Advice(1000, TimeSpan.FromSeconds(10), 61, 64, TimeSpan.FromSeconds(4), saturated: true);
        Assert.Contains("All 64 slots are busy", saturated);
        Assert.Contains("Raise -ThrottleLimit to about 128", saturated);
        Assert.True(LagAdvisor.IsLate(TimeSpan.FromMilliseconds(1001), TimeSpan.FromSeconds(10)));
        Assert.False(LagAdvisor.IsLate(TimeSpan.FromMilliseconds(999), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task APauseBetweenAttemptsLetsGoOfTheSlot()
    {
        // One slot; the first site pauses for 3 s mid-check. The second must not wait for that pause.
        var started = new ConcurrentDictionary<string, TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var scheduler = new CheckScheduler(new[] { Site(1), Site(2) }, new ScheduleOptions { Interval = TimeSpan.FromSeconds(30), Rounds = 1, MaxInFlight = 1, Spread = false },
            async (check, ct) =>
            {
                started[check.Site.Key] = clock.Elapsed;
                if (check.Site.Key.EndsWith("site1")) await check.PauseAsync(TimeSpan.FromSeconds(3), ct);
            });
        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(started[Site(2).Key] < TimeSpan.FromMilliseconds(2500), $"second site started at {started[Site(2).Key]}");
    }
}
