using System.Diagnostics;
using LinkTools.Core.Crawling;

namespace LinkTools.Tests.Crawling;

/// <summary>The order in which the crawl's frontier starts what waits.</summary>
public sealed class CrawlFrontierTests
{
    private static CrawlTarget Target(string url, TargetRole role) => new(new Uri(url), url, 1, role);

    // Waiting checks take turns by host: a host with few links (a slow one, or one whose failures are confirmed and
    // retried) is not left until every check of the site's own host queued before it has run.
    [Fact]
    public async Task WaitingChecksTakeTurnsByHostAfterThePages()
    {
        var started = new List<string>();
        var firstHeld = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var frontier = new CrawlFrontier(async target =>
        {
            lock (started) started.Add(target.Key);
            if (target.Key.EndsWith("/first", StringComparison.Ordinal)) await firstHeld.Task;
        }, maxActive: 1, holdBack: () => false, resting: () => 0, CancellationToken.None);

        frontier.Add(Target("http://127.0.0.1:1/first", TargetRole.Check));
        foreach (var i in new[] { 1, 2, 3, 4 }) frontier.Add(Target($"http://127.0.0.1:1/a{i}", TargetRole.Check));
        frontier.Add(Target("http://127.0.0.2:1/b1", TargetRole.Check));
        frontier.Add(Target("http://127.0.0.1:1/page", TargetRole.Page));
        frontier.CompleteSeeding();
        firstHeld.SetResult();
        await frontier.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(new[] { "first", "page", "a1", "b1", "a2", "a3", "a4" }, started.Select(k => k[(k.LastIndexOf('/') + 1)..]));
    }
}
