using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.States;
using LinkTools.Model.Monitoring;

namespace LinkTools.Tests.Monitoring;

public class SiteTrackerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static SiteCheckResult Check(SiteHealth state, WatchFailureKind kind = WatchFailureKind.None) =>
        new() { Url = "https://site.test/", Name = "site", State = state, FailureKind = kind, StatusCode = state == SiteHealth.Down ? 500 : 200, Error = state == SiteHealth.Down ? "HTTP 500" : "" };

    /// <summary>Feeds observations a minute apart and returns every event with the check index it came on.</summary>
    private static List<(int Index, SiteStateChange Change)> Feed(SiteTracker tracker, SiteMemory memory, IEnumerable<SiteHealth> states, Func<int, bool>? maintenance = null, TimeSpan? step = null)
    {
        var events = new List<(int, SiteStateChange)>();
        int i = 0;
        foreach (var state in states)
        {
            var now = T0 + TimeSpan.FromTicks((step ?? TimeSpan.FromMinutes(1)).Ticks * i);
            foreach (var change in tracker.Observe(memory, Check(state), now, maintenance?.Invoke(i) ?? false)) events.Add((i, change));
            i++;
        }

        return events;
    }

    private const SiteHealth U = SiteHealth.Up, D = SiteHealth.Down, G = SiteHealth.Degraded;

    [Fact]
    public void FirstCheckReportsTheInitialStateWithoutAlertingWhenUp()
    {
        var events = Feed(new SiteTracker(new TrackerPolicy()), new SiteMemory(), new[] { U, U });
        var initial = Assert.Single(events).Change;
        Assert.Equal(StateChangeReason.Initial, initial.Reason);
        Assert.Equal(SiteHealth.Unknown, initial.From);
        Assert.Equal(SiteHealth.Up, initial.To);
        Assert.False(initial.Alerted);
    }

    [Fact]
    public void ASingleBlipNeverAlertsUnderTheDefaults()
    {
        var events = Feed(new SiteTracker(new TrackerPolicy()), new SiteMemory(), new[] { U, D, U, U, D, U });
        Assert.DoesNotContain(events, e => e.Change.Alerted);
        Assert.DoesNotContain(events, e => e.Change.To == SiteHealth.Down);
    }

    [Fact]
    public void DownNeedsFailureThresholdAndUpNeedsSuccessThreshold()
    {
        var memory = new SiteMemory();
        var events = Feed(new SiteTracker(new TrackerPolicy { FailureThreshold = 3, SuccessThreshold = 2 }), memory, new[] { U, D, D, D, D, U, U, U });
        var down = Assert.Single(events, e => e.Change.Reason == StateChangeReason.Down);
        Assert.Equal(3, down.Index);
        Assert.Equal(SiteHealth.Up, down.Change.From);
        Assert.Equal(3, down.Change.ConsecutiveFailures);
        Assert.Equal(T0 + TimeSpan.FromMinutes(1), down.Change.Since); // the first failing check
        Assert.Equal(TimeSpan.FromMinutes(1), down.Change.PreviousDuration);
        Assert.True(down.Change.Alerted);

        var recovered = Assert.Single(events, e => e.Change.Reason == StateChangeReason.Recovered);
        Assert.Equal(6, recovered.Index);
        Assert.True(recovered.Change.Alerted);
        Assert.Equal(T0 + TimeSpan.FromMinutes(5), recovered.Change.Since);
        Assert.Equal(TimeSpan.FromMinutes(4), recovered.Change.PreviousDuration);
        Assert.Equal(SiteHealth.Up, memory.Confirmed);
    }

    [Fact]
    public void DegradedIsConfirmedLikeAFailureAndReportsCertificateWarnings()
    {
        var tracker = new SiteTracker(new TrackerPolicy());
        var memory = new SiteMemory();
        tracker.Observe(memory, Check(U), T0, false);
        Assert.Empty(tracker.Observe(memory, Check(G, WatchFailureKind.Certificate), T0.AddMinutes(1), false));
        var warning = Assert.Single(tracker.Observe(memory, Check(G, WatchFailureKind.Certificate), T0.AddMinutes(2), false));
        Assert.Equal(StateChangeReason.CertificateWarning, warning.Reason);
        Assert.Equal(SiteHealth.Degraded, warning.To);
        var back = Assert.Single(tracker.Observe(memory, Check(U), T0.AddMinutes(3), false));
        Assert.Equal(StateChangeReason.Recovered, back.Reason);
    }

    [Fact]
    public void MaintenanceHoldsAlertsAndARecoveryIsSentOnlyForADownThatWasSent()
    {
        // Down confirmed inside the window: held. Recovered inside the window too: not sent either.
        var events = Feed(new SiteTracker(new TrackerPolicy()), new SiteMemory(), new[] { U, D, D, D, U, U }, maintenance: _ => true);
        Assert.Contains(events, e => e.Change.Reason == StateChangeReason.Down && !e.Change.Alerted);
        Assert.Contains(events, e => e.Change.Reason == StateChangeReason.Recovered && !e.Change.Alerted);
        Assert.DoesNotContain(events, e => e.Change.Alerted);
    }

    [Fact]
    public void ADownHeldByMaintenanceIsSentOnceTheWindowIsOver()
    {
        var events = Feed(new SiteTracker(new TrackerPolicy()), new SiteMemory(), new[] { U, D, D, D, D, U }, maintenance: i => i < 3);
        var sent = Assert.Single(events, e => e.Change.Alerted && e.Change.To == SiteHealth.Down);
        Assert.Equal(3, sent.Index);
        Assert.Equal(StateChangeReason.Reminder, sent.Change.Reason);
        Assert.Contains(events, e => e.Change.Reason == StateChangeReason.Recovered && e.Change.Alerted);
    }

    [Fact]
    public void RemindersFollowTheIntervalButNeverMoreOftenThanFiveMinutes()
    {
        var downs = Enumerable.Repeat(D, 31).Prepend(U).ToArray(); // 30 minutes down, checked every minute
        var fast = Feed(new SiteTracker(new TrackerPolicy { ReminderInterval = TimeSpan.FromMinutes(1) }), new SiteMemory(), downs);
        var reminders = fast.Where(e => e.Change.Reason == StateChangeReason.Reminder).Select(e => e.Index).ToArray();
        Assert.Equal(new[] { 7, 12, 17, 22, 27 }, reminders); // Down sent at 2, then every 5 minutes
        Assert.All(fast.Where(e => e.Change.Reason == StateChangeReason.Reminder), e => Assert.True(e.Change.Alerted));

        var none = Feed(new SiteTracker(new TrackerPolicy()), new SiteMemory(), downs);
        Assert.DoesNotContain(none, e => e.Change.Reason == StateChangeReason.Reminder);
    }

    [Fact]
    public void UnknownChecksLeaveTheCountsAlone()
    {
        var memory = new SiteMemory();
        var events = Feed(new SiteTracker(new TrackerPolicy()), memory, new[] { U, D, SiteHealth.Unknown, SiteHealth.Unknown, U });
        Assert.DoesNotContain(events, e => e.Change.To == SiteHealth.Down);
        Assert.Equal(SiteHealth.Up, memory.Confirmed);
        Assert.Equal(3, memory.Checks);
    }
}
