using System.Collections.Concurrent;
using System.Text.Json;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using static LinkTools.Tests.Monitoring.WatchHarness;

namespace LinkTools.Tests.Monitoring;

public class NotifierTests
{
    private static async Task<(TestServer Server, ConcurrentQueue<string> Bodies)> ReceiverAsync(Func<int, int> statusForRequest)
    {
        var bodies = new ConcurrentQueue<string>();
        int n = 0;
        var server = await TestServer.StartAsync(async c =>
        {
            using var reader = new StreamReader(c.Request.Body);
            bodies.Enqueue(await reader.ReadToEndAsync());
            c.Response.StatusCode = statusForRequest(Interlocked.Increment(ref n));
        });
        return (server, bodies);
    }

    private static readonly SiteStateChange Sample = new()
    {
        At = DateTimeOffset.UtcNow, Url = "https://shop.test/", Name = "Shop", From = SiteHealth.Up, To = SiteHealth.Down,
        Reason = StateChangeReason.Down, StatusCode = 503, FailureKind = WatchFailureKind.Status, Error = "HTTP 503", ConsecutiveFailures = 2,
    };

    [Fact]
    public async Task TheWatchPostsOneBatchToTheWebhook()
    {
        await using var site = await FlipServer.StartAsync();
        site.Set("a", Respond.Status(500));
        site.Set("b", Respond.Status(500));
        var (receiver, bodies) = await ReceiverAsync(_ => 200);
        await using var _ = receiver;
        using var webhook = new WebhookNotifier(receiver.Url("hook/secret-token"), WebhookFormat.Json);

        var settings = Settings(s => s with { Once = true, NotifyBatch = TimeSpan.FromSeconds(5), Notifiers = new[] { webhook } });
        var (sink, _, _) = Run(settings, new WatchSite(site.Url("a"), "A"), new WatchSite(site.Url("b"), "B"));

        Assert.Empty(sink.Warnings);
        var body = JsonDocument.Parse(Assert.Single(bodies)).RootElement;
        Assert.Equal("LinkTools", body.GetProperty("source").GetString());
        var changes = body.GetProperty("changes").EnumerateArray().ToArray();
        Assert.Equal(new[] { "A", "B" }, changes.Select(c => c.GetProperty("name").GetString()).OrderBy(s => s));
        Assert.All(changes, c => Assert.Equal("Down", c.GetProperty("to").GetString()));
        Assert.All(changes, c => Assert.Equal(500, c.GetProperty("statusCode").GetInt32()));
        Assert.DoesNotContain("secret-token", webhook.Description);
    }

    [Fact]
    public void TeamsAndSlackGetTheirShapes()
    {
        var teams = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.Teams, new[] { Sample })).RootElement;
        Assert.Equal("message", teams.GetProperty("type").GetString());
        var attachment = teams.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal("AdaptiveCard", card.GetProperty("type").GetString());
        Assert.Contains("Shop", card.GetProperty("body")[1].GetProperty("text").GetString());

        var slack = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.Slack, new[] { Sample })).RootElement;
        Assert.StartsWith("Shop is Down", slack.GetProperty("text").GetString());
    }

    [Fact]
    public async Task TheWebhookRetriesAndAFailingOneIsAWarningNotTheEnd()
    {
        var (flaky, flakyBodies) = await ReceiverAsync(n => n == 1 ? 503 : 200);
        await using (flaky)
        {
            using var retrying = new WebhookNotifier(flaky.Url("hook"), WebhookFormat.Slack, retries: 2, retryDelay: TimeSpan.FromMilliseconds(20));
            await retrying.SendAsync(new[] { Sample }, CancellationToken.None);
            Assert.Equal(2, flakyBodies.Count);
        }

        await using var site = await FlipServer.StartAsync();
        site.Set("down", Respond.Status(500));
        var (broken, _) = await ReceiverAsync(_ => 500);
        await using var __ = broken;
        var settings = Settings(s => s with { Count = 2, PassThru = true, Notifiers = new[] { new WebhookNotifier(broken.Url("hook"), WebhookFormat.Json, retries: 1, retryDelay: TimeSpan.FromMilliseconds(10)) } });
        var (sink, _, _) = Run(settings, new WatchSite(site.Url("down")));
        Assert.Contains(sink.Warnings, w => w.Contains("notifier failed") && w.Contains("HTTP 500") && w.Contains("goes on"));
        Assert.Equal(2, sink.Checks().Count);
    }

    [Theory]
    [InlineData(503, 3)]
    [InlineData(429, 3)]
    [InlineData(408, 3)]
    [InlineData(500, 3)]
    [InlineData(501, 1)]
    [InlineData(505, 1)]
    [InlineData(404, 1)]
    public async Task TheWebhookRetriesExactlyTheStatusesTheEngineRetries(int status, int expectedPosts)
    {
        Assert.Equal(expectedPosts > 1, Core.Http.RetryPolicy.IsTransientStatus(status));
        var (receiver, bodies) = await ReceiverAsync(_ => status);
        await using var _ = receiver;
        using var webhook = new WebhookNotifier(receiver.Url("hook"), WebhookFormat.Json, retries: 2, retryDelay: TimeSpan.FromMilliseconds(10));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => webhook.SendAsync(new[] { Sample }, CancellationToken.None));
        Assert.Contains($"HTTP {status}", error.Message);
        Assert.Equal(expectedPosts, bodies.Count);
    }

    [SmtpFact]
    public async Task EmailGoesThroughARealSmtpServerOnLoopback()
    {
        using var smtp = SmtpSink.TryStart(out var reason);
        Assert.True(smtp != null, "The SMTP test server could not be started: " + reason);

        var email = new EmailNotifier(new SmtpSettings { Server = "127.0.0.1", Port = smtp!.Port, From = "watch@monitor.test", To = { "admin@site.test", "oncall@site.test" } });
        await email.SendAsync(new[] { Sample, new SiteStateChange { Url = "https://blog.test/", Name = "Blog", From = SiteHealth.Up, To = SiteHealth.Down, Reason = StateChangeReason.Down, Error = "timed out" } }, CancellationToken.None);

        var message = Assert.Single(smtp.WaitFor(1, TimeSpan.FromSeconds(10)));
        Assert.Contains("X-Envelope-To: admin@site.test,oncall@site.test", message);
        Assert.Contains("Subject: LinkTools: 2 site changes: 2 down", message);
        Assert.Contains("Down: Shop (https://shop.test/) Up -> Down, HTTP 503", message);
        Assert.Contains("Blog", message);
    }

    [Fact]
    public async Task AnUnreachableSmtpServerIsAWarning()
    {
        await using var site = await FlipServer.StartAsync();
        site.Set("down", Respond.Status(500));
        int closedPort;
        using (var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            listener.Start();
            closedPort = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        }

        var settings = Settings(s => s with { Once = true, Notifiers = new[] { new EmailNotifier(new SmtpSettings { Server = "127.0.0.1", Port = closedPort, From = "a@b.test", To = { "c@d.test" } }) } });
        var (sink, _, _) = Run(settings, new WatchSite(site.Url("down")));
        Assert.Contains(sink.Warnings, w => w.Contains("email via 127.0.0.1") && w.Contains("not sent"));
        Assert.Single(sink.Changes());
    }
}
