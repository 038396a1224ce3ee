using System.Diagnostics;
using System.Text.RegularExpressions;
using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;
using LinkTools.Tests.Infrastructure;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Monitoring;

public class WatchOperationTests
{
    [Fact]
    public async Task AnOutageIsConfirmedByTheThresholdAndItsRecoveryFollows()
    {
        await using var server = await FlipServer.StartAsync();
        server.Script("shop", Respond.Ok(), Respond.Ok(), Respond.Status(500), Respond.Status(500), Respond.Status(500), Respond.Ok(), Respond.Ok());
        var (sink, callbacks, _) = Run(Settings(s => { s.Count = 7; s.PassThru = true; }), new WatchSite(server.Url("shop"), "Shop"));

        var changes = sink.Changes();
        Assert.Equal(new[] { StateChangeReason.Initial, StateChangeReason.Down, StateChangeReason.Recovered }, changes.Select(c => c.Reason));
        Assert.Equal(SiteHealth.Up, changes[0].To);
        var down = changes[1];
        Assert.Equal(("Shop", SiteHealth.Up, SiteHealth.Down, 500, WatchFailureKind.Status, 2), (down.Name, down.From, down.To, down.StatusCode, down.FailureKind, down.ConsecutiveFailures));
        Assert.Contains("expected 100-399", down.Error);

        var checks = sink.Checks();
        Assert.Equal(7, checks.Count);
        // HEAD by default: no extra traffic while up; a failed HEAD is confirmed by one GET, whose answer the check shows.
        Assert.Equal(new[] { "HEAD", "HEAD", "GET", "GET", "GET", "HEAD", "HEAD" }, checks.Select(c => c.Method));
        Assert.All(checks, c => Assert.True(c.ScheduleLagMs >= 0));
        Assert.Equal(new[] { SiteHealth.Up, SiteHealth.Up, SiteHealth.Up, SiteHealth.Down, SiteHealth.Down, SiteHealth.Up, SiteHealth.Up }, checks.Select(c => c.ConfirmedState));

        // Only the alerted changes reach the hook, on the pipeline thread.
        Assert.Equal(new[] { StateChangeReason.Down, StateChangeReason.Recovered }, callbacks.Batches.SelectMany(b => b).Select(c => c.Reason));
        Assert.Equal(0, callbacks.OffThreadCalls);
        Assert.Equal(0, sink.OffThreadCalls);
        Assert.Empty(sink.Errors);
    }

    [Fact]
    public async Task RetryConfirmsAFailureInsideOneCheckAndRecordsEveryAttempt()
    {
        await using var server = await FlipServer.StartAsync();
        server.Script("blip", Respond.Status(502), Respond.Ok());
        server.Script("dead", Respond.Status(503));
        var (sink, _, _) = Run(Settings(s => { s.Once = true; s.PassThru = true; s.Checks.Retry = 2; }), new WatchSite(server.Url("blip")), new WatchSite(server.Url("dead")));

        var blip = sink.Checks().Single(c => c.Url.EndsWith("/blip"));
        Assert.Equal(SiteHealth.Up, blip.State);
        Assert.Equal(2, blip.Attempts);
        Assert.Matches("^1 GET 502 \\d+ ms \\(2 requests\\); 2 HEAD 200 \\d+ ms$", blip.AttemptLog);

        var dead = sink.Checks().Single(c => c.Url.EndsWith("/dead"));
        Assert.Equal(SiteHealth.Down, dead.State);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(3, server.Server.HitCount("HEAD", "/dead"));
        Assert.Equal(3, server.Server.HitCount("GET", "/dead"));
    }

    [Fact]
    public async Task HeadRefusedFallsBackToGet()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("nohead", Respond.RefuseHead());
        var (sink, _, _) = Run(Settings(s => { s.Once = true; s.PassThru = true; }), new WatchSite(server.Url("nohead")));
        var check = Assert.Single(sink.Checks());
        Assert.Equal((SiteHealth.Up, "GET", 200), (check.State, check.Method, check.StatusCode));
        Assert.Equal(1, server.Server.HitCount("HEAD", "/nohead"));
        Assert.Equal(1, server.Server.HitCount("GET", "/nohead"));
    }

    [Fact]
    public async Task NoAnswerWithinTheTimeoutIsDown()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("hang", Respond.Hang());
        var (sink, callbacks, _) = Run(Settings(s => { s.Once = true; s.Engine.Timeout = TimeSpan.FromSeconds(1); }), new WatchSite(server.Url("hang")));
        var initial = Assert.Single(sink.Changes());
        Assert.Equal((StateChangeReason.Initial, SiteHealth.Down, WatchFailureKind.Timeout, true), (initial.Reason, initial.To, initial.FailureKind, initial.Alerted));
        Assert.Single(Assert.Single(callbacks.Batches));
    }

    [Fact]
    public async Task SlowAnswersAreDegraded()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("slow", Respond.Slow(400));
        var (sink, _, _) = Run(Settings(s => { s.Once = true; s.PassThru = true; s.Checks.MaxResponseTime = TimeSpan.FromMilliseconds(150); }), new WatchSite(server.Url("slow")));
        var check = Assert.Single(sink.Checks());
        Assert.Equal((SiteHealth.Degraded, WatchFailureKind.Slow), (check.State, check.FailureKind));
        Assert.Contains("slower than 150 ms", check.Error);
    }

    [Fact]
    public async Task ExpectContentReadsTheBodyWithGet()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("good", Respond.Ok("<p>Status: operational</p>"));
        server.Set("bad", Respond.Ok("<p>Database error</p>"));
        var expect = new Regex("operational");
        var (sink, _, _) = Run(Settings(s => { s.Once = true; s.PassThru = true; }),
            new WatchSite(server.Url("good")) { ExpectContent = expect }, new WatchSite(server.Url("bad")) { ExpectContent = expect });
        var good = sink.Checks().Single(c => c.Url.EndsWith("/good"));
        var bad = sink.Checks().Single(c => c.Url.EndsWith("/bad"));
        Assert.Equal((SiteHealth.Up, "GET"), (good.State, good.Method));
        Assert.Equal((SiteHealth.Down, WatchFailureKind.Content), (bad.State, bad.FailureKind));
    }

    [Fact]
    public async Task ExpectStatusAcceptsRanges()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("teapot", Respond.Status(418));
        Assert.True(Core.Monitoring.Checks.StatusRanges.TryParse("200-299,418", out var ranges, out _));
        var (sink, _, _) = Run(Settings(s => { s.Once = true; s.PassThru = true; }), new WatchSite(server.Url("teapot")) { ExpectStatus = ranges });
        Assert.Equal(SiteHealth.Up, Assert.Single(sink.Checks()).State);
    }

    [Fact]
    public async Task TheConditionRunsOnThePipelineThreadAndCanFailACheck()
    {
        await using var server = await FlipServer.StartAsync();
        int pipelineThread = Environment.CurrentManagedThreadId;
        var threads = new List<int>();
        var (sink, _, _) = Run(Settings(s =>
        {
            s.Once = true;
            s.PassThru = true;
            s.Condition = r => { threads.Add(Environment.CurrentManagedThreadId); return r.StatusCode == 201; };
        }), new WatchSite(server.Url("page")));

        Assert.Equal(new[] { pipelineThread }, threads);
        var check = Assert.Single(sink.Checks());
        Assert.Equal((SiteHealth.Down, WatchFailureKind.Condition), (check.State, check.FailureKind));
    }

    [Fact]
    public async Task WhenTheCanaryFailsTooResultsAreUnknownAndNothingAlerts()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("down", Respond.Status(500));
        Uri deadCanary;
        await using (var gone = await TestServer.StartAsync(_ => Task.CompletedTask)) deadCanary = gone.Url("canary");

        var (sink, callbacks, _) = Run(Settings(s => { s.Count = 3; s.PassThru = true; s.CanaryUri = deadCanary; }), new WatchSite(server.Url("down")));
        Assert.All(sink.Checks(), c => Assert.Equal(SiteHealth.Unknown, c.State));
        Assert.Contains("canary", sink.Checks()[0].Error);
        Assert.Empty(sink.Changes());
        Assert.Empty(callbacks.Batches);

        // With a live canary the same site is Down.
        var (live, _, _) = Run(Settings(s => { s.Once = true; s.CanaryUri = server.Url("canary-ok"); }), new WatchSite(server.Url("down")));
        Assert.Equal(SiteHealth.Down, Assert.Single(live.Changes()).To);
    }

    [Fact]
    public async Task ChangesWithinTheBatchWindowAreOneNotification()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("a", Respond.Status(500));
        server.Set("b", Respond.Slow(400, Respond.Status(500)));
        server.Set("c", Respond.Slow(800, Respond.Status(500)));
        var sites = new[] { "a", "b", "c" }.Select(p => new WatchSite(server.Url(p))).ToArray();

        var (batched, callbacks, _) = Run(Settings(s => { s.Once = true; s.NotifyBatch = TimeSpan.FromSeconds(10); }), sites);
        Assert.Equal(3, Assert.Single(callbacks.Batches).Count);
        Assert.Equal(3, batched.Changes().Count);

        var (_, unbatched, _) = Run(Settings(s => { s.Once = true; s.NotifyBatch = TimeSpan.Zero; }), sites);
        Assert.True(unbatched.Batches.Count >= 2, $"{unbatched.Batches.Count} batches");
        Assert.Equal(3, unbatched.Batches.Sum(b => b.Count));
    }

    [Fact]
    public async Task AFailingHookIsAWarningAndTheWatchGoesOn()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("down", Respond.Status(500));
        var sink = new RecordingSink();
        var callbacks = new RecordingCallbacks { OnBatch = _ => throw new InvalidOperationException("script broke") };
        using (var operation = new Core.Operations.WatchWebsiteOperation(Settings(s => { s.Count = 2; s.PassThru = true; }), sink, callbacks))
        {
            operation.Add(new WatchSite(server.Url("down")));
            operation.Run();
        }

        Assert.Contains(sink.Warnings, w => w.Contains("script broke") && w.Contains("goes on"));
        Assert.Equal(2, sink.Checks().Count);
    }

    [Fact]
    public async Task AHooksWritesTakeTheOperationsCheckedRouteAfterTheChange()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("down", Respond.Status(500));
        var sink = new RecordingSink();
        Exception? offThread = null;
        var callbacks = new RecordingCallbacks
        {
            Write = output =>
            {
                output.WriteObject("hook saw it");
                output.WriteDebug("hook debug");
                var worker = new Thread(() => offThread = Record.Exception(() => output.WriteWarning("from a thread of the hook's own")));
                worker.Start();
                worker.Join();
            },
        };
        using (var operation = new Core.Operations.WatchWebsiteOperation(Settings(s => s.Once = true), sink, callbacks))
        {
            operation.Add(new WatchSite(server.Url("down")));
            operation.Run();
        }

        int change = sink.Objects.FindIndex(o => o is SiteStateChange);
        Assert.True(change >= 0 && change < sink.Objects.IndexOf("hook saw it"), string.Join(", ", sink.Objects));
        Assert.Equal(new[] { "hook debug" }, sink.Debug);
        Assert.IsType<InvalidOperationException>(offThread);
        Assert.DoesNotContain(sink.Warnings, w => w.Contains("thread of the hook"));
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task InAzureDevOpsEachDownSiteIsAnErrorLineThatWebTextCannotHijack()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("down", Respond.Status(500));
        var ci = Core.Ci.CiAnnotations.Detect(name => name == "TF_BUILD" ? "True" : null);
        var (sink, _, _) = Run(Settings(s => { s.Once = true; s.Ci = ci; }), new WatchSite(server.Url("down"), "Shop ##vso[task.complete result=Succeeded]"));
        var line = Assert.Single(sink.CiLines);
        Assert.StartsWith("##vso[task.logissue type=error;sourcepath=" + server.Url("down").AbsoluteUri + "]Shop ", line);
        Assert.Single(Regex.Matches(line, "##vso\\["));

        var gh = Core.Ci.CiAnnotations.Detect(name => name == "GITHUB_ACTIONS" ? "true" : null);
        var (github, _, _) = Run(Settings(s => { s.Once = true; s.Ci = gh; }), new WatchSite(server.Url("down"), "Shop"));
        Assert.StartsWith("::error file=", Assert.Single(github.CiLines));
        Assert.Contains(",title=Shop is Down::", github.CiLines[0]);
    }

    [Fact]
    public async Task StopEndsAWatchOfHangingSitesWithinASecondOrSo()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("hang", Respond.Hang());
        var dir = Directory.CreateTempSubdirectory("watch-stop");
        var sink = new RecordingSink();
        var operation = new Core.Operations.WatchWebsiteOperation(Settings(s => { s.Engine.Timeout = TimeSpan.FromSeconds(60); s.StatePath = Path.Combine(dir.FullName, "state.json"); }), sink);
        for (int i = 0; i < 50; i++) operation.Add(new WatchSite(server.Url("hang?i=" + i)));
        var sinceStop = new Stopwatch();
        _ = Task.Delay(700).ContinueWith(_ => { sinceStop.Start(); operation.Stop(); });
        operation.Run();
        var took = sinceStop.Elapsed;
        operation.Dispose();

        Assert.True(sinceStop.IsRunning, "the watch ended before it was stopped");
        Assert.True(took < TimeSpan.FromSeconds(1), $"Run returned {took} after Stop (state flushed)");
        Assert.True(File.Exists(Path.Combine(dir.FullName, "state.json")), "state is flushed on stop");
        dir.Delete(true);
    }

    [Fact]
    public async Task InAMaintenanceWindowChecksGoOnButNothingAlerts()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("down", Respond.Status(503));
        Assert.True(Core.Monitoring.States.MaintenanceWindow.TryParse("00:00 1d UTC", out var always, out _)); // every day, all day
        var history = Path.Combine(Path.GetTempPath(), "watch-maint-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            var (sink, callbacks, _) = Run(Settings(s => { s.Count = 3; s.PassThru = true; s.HistoryPath = history; }),
                new WatchSite(server.Url("down")) { MaintenanceWindows = new[] { always } });

            Assert.Equal(3, sink.Checks().Count);
            Assert.All(sink.Checks(), c => Assert.True(c.InMaintenance));
            Assert.Contains(sink.Changes(), c => c.To == SiteHealth.Down);
            Assert.All(sink.Changes(), c => Assert.False(c.Alerted));
            Assert.Empty(callbacks.Batches);

            var report = Assert.Single(Core.Monitoring.History.UptimeReport.FromFile(history, null, null));
            Assert.Equal(0, report.Checks); // maintenance time is left out of uptime
        }
        finally
        {
            File.Delete(history);
        }
    }
}
