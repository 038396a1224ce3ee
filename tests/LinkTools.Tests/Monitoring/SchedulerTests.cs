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
            var checks = site.OrderBy(c => c.Round).ToArray();
            Assert.Equal(new[] { 1, 2, 3, 4 }, checks.Select(c => c.Round));
            // No drift, whatever the checks took and however busy the machine: the first slot is the site's spread
            // offset and each next one the previous plus one interval, plus whole intervals for any slots a late
            // start merged (counted in MissedSlots, so the grid is checked exactly even under load).
            Assert.Equal(StableSpread.Offset(site.Key, interval) + Intervals(interval, checks[0].MissedSlots), checks[0].Slot);
            for (int i = 1; i < checks.Length; i++)
            {
                Assert.Equal(checks[i - 1].Slot + Intervals(interval, 1 + checks[i].MissedSlots), checks[i].Slot);
            }
        }
    }

    [Fact]
    public async Task ASlotMissedByASlowCheckIsMergedNotQueuedUp()
    {
        var interval = TimeSpan.FromMilliseconds(200);
        var duration = TimeSpan.FromSeconds(3);
        var seen = new ConcurrentBag<ScheduledCheck>();
        // The first check takes 3.5 intervals; the slots it ran over are merged into one check.
        var scheduler = new CheckScheduler(new[] { Site(1) }, new ScheduleOptions { Interval = interval, Duration = duration, Spread = false },
            async (check, ct) => { seen.Add(check); if (check.Round == 1) await Task.Delay(700, ct); });
        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        // Load can only make checks later (more merging), so each assertion holds on a busy machine and fails
        // when slots are queued up (no MissedSlots), lost (the count below) or run past the duration.
        var checks = seen.OrderBy(c => c.Round).ToArray();
        Assert.True(checks.Length >= 2, $"{checks.Length} check(s) in {duration}");
        Assert.True(checks[1].MissedSlots >= 2, $"second check missed {checks[1].MissedSlots} slots");
        Assert.True(checks[1].Slot >= 3 * interval, $"second check's slot {checks[1].Slot}");
        Assert.All(checks, c => Assert.True(c.Slot < duration, $"slot {c.Slot} is past the duration"));
        // Every slot of the grid up to the last one was run once or merged into a later check.
        long gridSlots = checks[^1].Slot.Ticks / interval.Ticks + 1;
        Assert.Equal(gridSlots, checks.Sum(c => 1L + c.MissedSlots));
        Assert.Equal(checks.Length, checks.Select(c => c.Slot).Distinct().Count());
    }

    private static TimeSpan Intervals(TimeSpan interval, int count) => TimeSpan.FromTicks(interval.Ticks * count);

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

        // Past the parameter's bound the advice is to change the schedule, never a value the cmdlet would refuse.
        string pastTheBound = LagAdvisor.Advice(100000, TimeSpan.FromSeconds(10), 500, 64, TimeSpan.FromSeconds(4));
        Assert.Contains("5000 checks in flight", pastTheBound);
        Assert.DoesNotContain("Raise -ThrottleLimit", pastTheBound);
        Assert.Contains($"more than -ThrottleLimit allows ({LinkTools.Model.Http.EngineLimits.ThrottleLimitMax})", pastTheBound);
        string atTheBound = LagAdvisor.Advice(1000, TimeSpan.FromSeconds(10), 61, LinkTools.Model.Http.EngineLimits.ThrottleLimitMax, TimeSpan.FromSeconds(4), saturated: true);
        Assert.DoesNotContain("Raise -ThrottleLimit", atTheBound);
        Assert.True(LagAdvisor.IsLate(TimeSpan.FromMilliseconds(1001), TimeSpan.FromSeconds(10)));
        Assert.False(LagAdvisor.IsLate(TimeSpan.FromMilliseconds(999), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task APauseBetweenAttemptsLetsGoOfTheSlot()
    {
        // One slot; the first site pauses for 3 s mid-check. The second must start during that pause, not after it
        // (compared with the pause's own end, not a wall-clock figure, so a busy machine cannot fail it).
        var started = new ConcurrentDictionary<string, TimeSpan>();
        var pauseEnded = TimeSpan.MaxValue;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var scheduler = new CheckScheduler(new[] { Site(1), Site(2) }, new ScheduleOptions { Interval = TimeSpan.FromSeconds(30), Rounds = 1, MaxInFlight = 1, Spread = false },
            async (check, ct) =>
            {
                started[check.Site.Key] = clock.Elapsed;
                if (check.Site.Key.EndsWith("site1"))
                {
                    await check.PauseAsync(TimeSpan.FromSeconds(3), ct);
                    pauseEnded = clock.Elapsed;
                }
            });
        await scheduler.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(started[Site(2).Key] < pauseEnded, $"second site started at {started[Site(2).Key]}, the first site's pause ended at {pauseEnded}");
    }
}
