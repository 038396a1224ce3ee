using System.Text.Json;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Persistence;
using LinkTools.Core.Monitoring.States;
using LinkTools.Model.Monitoring;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Monitoring;

public sealed class StateFileTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("watch-state");

    private string StatePath => Path.Combine(_dir.FullName, "state.json");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task OnceRunsCarryThresholdsAndRecoveryNoticesAcrossRuns()
    {
        await using var server = await FlipServer.StartAsync();
        var site = new WatchSite(server.Url("app"), "App");
        List<SiteStateChange> RunOnce(Func<Microsoft.AspNetCore.Http.HttpContext, Task> health)
        {
            server.Set("app", health);
            return Run(Settings(s => s with { Once = true, StatePath = StatePath }), site).Sink.Changes();
        }

        Assert.Equal(StateChangeReason.Initial, Assert.Single(RunOnce(Respond.Ok())).Reason);
        Assert.Empty(RunOnce(Respond.Status(500)));              // one failure: not yet Down
        var down = Assert.Single(RunOnce(Respond.Status(500)));  // the second, in the next run: Down
        Assert.Equal((StateChangeReason.Down, true, 2), (down.Reason, down.Alerted, down.ConsecutiveFailures));
        var recovered = Assert.Single(RunOnce(Respond.Ok()));
        Assert.Equal((StateChangeReason.Recovered, true), (recovered.Reason, recovered.Alerted));
        Assert.True(recovered.PreviousDuration > TimeSpan.Zero);

        var saved = JsonDocument.Parse(File.ReadAllText(StatePath)).RootElement;
        Assert.Equal("LinkTools.WatchState", saved.GetProperty("Format").GetString());
        Assert.Equal("Up", saved.GetProperty("Sites").GetProperty(site.Key).GetProperty("Confirmed").GetString());
        Assert.Empty(Directory.GetFiles(_dir.FullName, "*.tmp"));
    }

    [Theory]
    [InlineData("{ this is not json", "not valid JSON")]
    [InlineData("{\"hello\": 1}", "not a LinkTools watch state file")]
    [InlineData("", "not valid JSON")]
    public void ACorruptOrForeignFileIsKeptAsideWithAClearWarning(string content, string expected)
    {
        File.WriteAllText(StatePath, content);
        var store = new WatchStateStore(StatePath);
        var sites = store.Load(out var warning);

        Assert.Empty(sites);
        Assert.NotNull(warning);
        Assert.Contains(expected, warning);
        Assert.Contains("starts fresh", warning);
        var aside = Assert.Single(Directory.GetFiles(_dir.FullName, "state.json.corrupt-*"));
        Assert.Equal(content, File.ReadAllText(aside));
        Assert.Contains(aside, warning);
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public async Task ACorruptFileGivesAWarningAndTheRunStartsFreshAndSaves()
    {
        await using var server = await FlipServer.StartAsync();
        File.WriteAllText(StatePath, "\0\0garbage");
        var (sink, _, _) = Run(Settings(s => s with { Once = true, StatePath = StatePath }), new WatchSite(server.Url("x")));
        Assert.Contains(sink.Warnings, w => w.Contains("kept as"));
        Assert.Equal(StateChangeReason.Initial, Assert.Single(sink.Changes()).Reason);
        Assert.NotEmpty(new WatchStateStore(StatePath).Load(out var warning));
        Assert.Null(warning);
    }

    [Fact]
    public void ACrashMidWriteLeavesThePreviousStateIntact()
    {
        var store = new WatchStateStore(StatePath);
        var before = new Dictionary<string, SiteMemory> { ["https://a.test/"] = new SiteMemory { Confirmed = SiteHealth.Down, ConsecutiveFailures = 4 } };
        store.Save(before, DateTimeOffset.UtcNow);

        // What a crash mid-write leaves behind: a half-written temp file next to the intact state file.
        File.WriteAllText(Path.Combine(_dir.FullName, ".state.json.0123456789abcdef.tmp"), "{\"Format\":\"LinkTools.Wat");
        var loaded = store.Load(out var warning);
        Assert.Null(warning);
        Assert.Equal(4, loaded["https://a.test/"].ConsecutiveFailures);

        // The next save replaces the file whole.
        loaded["https://a.test/"].ConsecutiveFailures = 5;
        store.Save(loaded, DateTimeOffset.UtcNow);
        Assert.Equal(5, store.Load(out _)["https://a.test/"].ConsecutiveFailures);
        Assert.Single(Directory.GetFiles(_dir.FullName, "*.tmp")); // only the crash leftover; saves leave none
    }

    [Fact]
    public async Task PasswordsInUrlsNeverReachTheStateFile()
    {
        await using var server = await FlipServer.StartAsync();
        var withLogin = new UriBuilder(server.Url("private")) { UserName = "admin", Password = "hunter2" }.Uri;
        var other = new UriBuilder(server.Url("private")) { UserName = "viewer", Password = "swordfish" }.Uri;
        var (sink, _, operation) = Run(Settings(s => s with { Once = true, StatePath = StatePath }), new WatchSite(withLogin), new WatchSite(other));

        string saved = File.ReadAllText(StatePath);
        Assert.DoesNotContain("hunter2", saved);
        Assert.DoesNotContain("swordfish", saved);
        Assert.Equal(2, JsonDocument.Parse(saved).RootElement.GetProperty("Sites").EnumerateObject().Count());
        Assert.All(sink.Changes(), c => Assert.DoesNotContain("hunter2", c.Url));
        Assert.Single(operation.ConfirmedStates);
    }
}
