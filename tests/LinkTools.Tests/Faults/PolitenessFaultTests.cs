using System.Collections.Concurrent;
using System.Globalization;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>Servers that say "slow down" or answer HEAD badly: waits are honoured up to a cap, longer ones reported.</summary>
public class PolitenessFaultTests
{
    public sealed record Case(string Path, LinkStatus Status, FailureKind Kind, string? ReasonPart = null, int? Attempts = null, string? Method = null);

    public static readonly Case[] Cases =
    {
        new("429-seconds", LinkStatus.Ok, FailureKind.None, Attempts: 2),
        new("429-http-date", LinkStatus.Ok, FailureKind.None, Attempts: 2),
        new("503-seconds", LinkStatus.Ok, FailureKind.None, Attempts: 2),
        new("429-hours", LinkStatus.Unverifiable, FailureKind.RateLimited, "not waited out"),
        new("429-http-date-hours", LinkStatus.Unverifiable, FailureKind.RateLimited, "not waited out"),
        new("503-hours", LinkStatus.Unverifiable, FailureKind.RateLimited, "not waited out"),
        new("429-always", LinkStatus.Unverifiable, FailureKind.RateLimited, "still rate limited"),
        new("head-405", LinkStatus.Ok, FailureKind.None, Method: "GET"),
        new("head-404", LinkStatus.Ok, FailureKind.None, Method: "GET"),
    };

    public static TheoryData<string> CasePaths() => new(Cases.Select(c => c.Path));

    /// <summary>Answers by path; the first request to a path can differ from later ones, so retries are observable.</summary>
    private static RawServer StartServer(ConcurrentDictionary<string, int> seen) => RawServer.Start((r, c, ct) =>
    {
        string path = r.Target.TrimStart('/');
        int n = seen.AddOrUpdate(path, 1, (_, v) => v + 1);
        string inOneSecond = DateTime.UtcNow.AddSeconds(1.5).ToString("r", CultureInfo.InvariantCulture);
        string inThreeHours = DateTime.UtcNow.AddHours(3).ToString("r", CultureInfo.InvariantCulture);
        return path switch
        {
            "429-seconds" when n == 1 => c.RespondAsync(429, "Retry-After: 1\r\n", "", ct),
            "429-http-date" when n == 1 => c.RespondAsync(429, $"Retry-After: {inOneSecond}\r\n", "", ct),
            "503-seconds" when n == 1 => c.RespondAsync(503, "Retry-After: 1\r\n", "", ct),
            "429-hours" => c.RespondAsync(429, "Retry-After: 7200\r\n", "", ct),
            "429-http-date-hours" => c.RespondAsync(429, $"Retry-After: {inThreeHours}\r\n", "", ct),
            "503-hours" => c.RespondAsync(503, "Retry-After: 10800\r\n", "", ct),
            "429-always" => c.RespondAsync(429, "Retry-After: 0\r\n", "", ct),
            "head-405" when r.Method == "HEAD" => c.RespondAsync(405, "", "", ct),
            "head-404" when r.Method == "HEAD" => c.RespondAsync(404, "", "", ct),
            _ => c.RespondAsync(200, "", "ok", ct),
        };
    });

    private static void AssertMatches(Case expected, LinkResult result)
    {
        Assert.Equal(expected.Status, result.Status);
        Assert.Equal(expected.Kind, result.FailureKind);
        if (expected.ReasonPart != null) Assert.Contains(expected.ReasonPart, result.Reason);
        if (expected.Attempts is int attempts) Assert.Equal(attempts, result.Attempts);
        if (expected.Method != null) Assert.Equal(expected.Method, result.Method);
    }

    [Theory]
    [MemberData(nameof(CasePaths))]
    public async Task EachSignalGetsItsVerdict(string path)
    {
        var expected = Cases.Single(c => c.Path == path);
        var seen = new ConcurrentDictionary<string, int>();
        await using var server = StartServer(seen);
        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url(path));
        AssertMatches(expected, result);
        Assert.True(result.ElapsedMs < 10_000, $"{path} took {result.ElapsedMs} ms: a long Retry-After was waited out");
    }

    [Fact]
    public async Task AllSignalsThroughTestLink()
    {
        var seen = new ConcurrentDictionary<string, int>();
        await using var server = StartServer(seen);
        var inputs = Cases.Select(c => server.Url(c.Path).AbsoluteUri).ToList();
        var sink = await Invariants.TestLinkAsync(FaultOptions.TestLink(), inputs, FaultOptions.CaseBound);
        var results = sink.OfType<LinkResult>().ToDictionary(r => r.Url);
        foreach (var expected in Cases) AssertMatches(expected, results[server.Url(expected.Path).AbsoluteUri]);
        Assert.Empty(sink.Errors);
    }
}
