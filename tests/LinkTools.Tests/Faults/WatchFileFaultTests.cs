using System.Text.RegularExpressions;
using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;
using LinkTools.Tests.Monitoring;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Faults;

/// <summary>
/// The watch's own files against a hostile site or a tampered disk: a state that does not validate is moved aside
/// like a corrupt one, history is never written through a link, files keep (or start with) owner-only modes, and a
/// pattern a page makes time out fails the check instead of the run.
/// </summary>
public sealed class WatchFileFaultTests : IDisposable
{
    private readonly Packaging.TempDirectory _dir = new();

    private string StatePath => Path.Combine(_dir.Path, "state.json");

    private string HistoryPath => Path.Combine(_dir.Path, "history.csv");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("{\"x\": null}")]
    [InlineData("{\"x\": {\"Confirmed\": 42}}")]
    [InlineData("{\"x\": {\"Checks\": -1}}")]
    public async Task AStateThatDoesNotValidateIsMovedAsideAndTheWatchGoesOn(string sites)
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("a", Respond.Ok());
        File.WriteAllText(StatePath, "{\"Format\":\"LinkTools.WatchState\",\"Version\":1,\"SavedAt\":\"2026-01-01T00:00:00Z\",\"Sites\":" + sites + "}");

        var (sink, _, _) = Run(Settings(s => s with { Once = true, StatePath = StatePath, PassThru = true }), new WatchSite(server.Url("a"), "A"));

        Assert.Empty(sink.Errors);
        Assert.Contains(sink.Warnings, w => w.Contains("was not used because"));
        Assert.Single(Directory.GetFiles(_dir.Path, "state.json.corrupt-*"));
        Assert.Contains(server.Url("a").AbsoluteUri, File.ReadAllText(StatePath));
        Assert.Equal(SiteHealth.Up, Assert.Single(sink.Checks()).State);
    }

    [Fact]
    public async Task AHistoryPathThatIsALinkIsRefusedAndItsTargetUntouched()
    {
        if (OperatingSystem.IsWindows()) return; // symbolic links need a privilege there
        await using var server = await FlipServer.StartAsync();
        server.Set("a", Respond.Ok());
        string target = Path.Combine(_dir.Path, "authorized_keys");
        File.WriteAllText(target, "ssh-ed25519 AAAA user\n");
        File.CreateSymbolicLink(HistoryPath, target);

        var (sink, _, _) = Run(Settings(s => s with { Once = true, HistoryPath = HistoryPath }), new WatchSite(server.Url("a"), "A"));

        Assert.Equal("ssh-ed25519 AAAA user\n", File.ReadAllText(target));
        var error = Assert.Single(sink.Errors);
        Assert.Equal("HistoryNotWritable", error.ErrorId);
        Assert.Contains("link", error.Exception.Message);
    }

    [Fact]
    public async Task SavingTheStateKeepsItsModeAndNewFilesAreTheUsersOnly()
    {
        if (OperatingSystem.IsWindows()) return; // no Unix modes there
        await using var server = await FlipServer.StartAsync();
        server.Set("a", Respond.Ok());

        Run(Settings(s => s with { Once = true, StatePath = StatePath, HistoryPath = HistoryPath }), new WatchSite(server.Url("a"), "A"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(StatePath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(HistoryPath));

        var chosen = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(StatePath, chosen);
        File.SetUnixFileMode(HistoryPath, chosen);
        Run(Settings(s => s with { Once = true, StatePath = StatePath, HistoryPath = HistoryPath }), new WatchSite(server.Url("a"), "A"));
        Assert.Equal(chosen, File.GetUnixFileMode(StatePath));
        Assert.Equal(chosen, File.GetUnixFileMode(HistoryPath));
    }

    [Fact]
    public async Task APatternThePageTimesOutFailsTheCheckAndTheRunGoesOn()
    {
        await using var server = await FlipServer.StartAsync();
        server.Set("defaced", Respond.Ok(new string('a', 5000) + "!"));
        server.Set("fine", Respond.Ok());
        var evil = new Regex("^(a|aa)+$", RegexOptions.None, TimeSpan.FromMilliseconds(50));
        var defaced = new WatchSite(server.Url("defaced"), "Defaced") { ExpectContent = evil };
        var fine = new WatchSite(server.Url("fine"), "Fine") { ExpectContent = new Regex("operational", RegexOptions.None, TimeSpan.FromSeconds(1)) };

        var (sink, _, _) = Run(Settings(s => s with { Once = true, StatePath = StatePath, PassThru = true }), defaced, fine);

        var checks = sink.Checks();
        var down = Assert.Single(checks, c => c.Name == "Defaced");
        Assert.Equal(SiteHealth.Down, down.State);
        Assert.Equal(WatchFailureKind.Content, down.FailureKind);
        Assert.Contains("timed out", down.Error);
        Assert.Equal(SiteHealth.Up, Assert.Single(checks, c => c.Name == "Fine").State);
        string saved = File.ReadAllText(StatePath);
        Assert.Contains(server.Url("defaced").AbsoluteUri, saved);
        Assert.Contains(server.Url("fine").AbsoluteUri, saved);
    }
}
