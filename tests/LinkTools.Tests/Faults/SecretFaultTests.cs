using System.Net;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>
/// The run's secrets (headers, cookies, credentials, user info, webhook paths) go only where they were given for, and
/// are never printed: not after a start redirect to another port or to plain HTTP, not in verbose lines or errors.
/// </summary>
public class SecretFaultTests
{
    private const string Page = "<a href=\"next\">next</a>";

    private static CrawlSettings AddSecrets(CrawlSettings settings) => settings with
    {
        Engine = settings.Engine with
        {
            Headers = new Dictionary<string, string> { ["Authorization"] = "Bearer site-token", ["Cookie"] = "session=site-session" },
            Credential = new NetworkCredential("siteuser", "sitepass"),
        },
    };

    /// <summary>The landing site: a page linking 'next', which asks for credentials as a server that wants them would.</summary>
    private static Task Landing(RawRequest r, RawConnection c, CancellationToken ct) => r.Target switch
    {
        "/site/" => c.RespondAsync(200, "Content-Type: text/html\r\n", Page, ct),
        _ => c.RespondAsync(401, "WWW-Authenticate: Basic realm=\"landing\"\r\n", "", ct),
    };

    private static void AssertNoSecrets(RawServer landing)
    {
        Assert.Contains(landing.Requests, r => r.Target == "/site/next");
        Assert.All(landing.Requests, r =>
        {
            Assert.False(r.HasHeader("Authorization"), $"Authorization reached {r.Target} on the other origin");
            Assert.False(r.HasHeader("Cookie"), $"the cookie reached {r.Target} on the other origin");
        });
    }

    [Fact]
    public async Task AStartRedirectToAnotherPortOfTheSameHostCarriesNoSecrets()
    {
        await using var landing = RawServer.Start(Landing);
        await using var start = RawServer.Start((_, c, ct) => c.RespondAsync(301, $"Location: {landing.Url("site/")}\r\n", "", ct));
        var settings = CrawlFaultRun.Settings(start.Url("start"), AddSecrets);

        var run = await CrawlFaultRun.RunAsync(settings);

        Assert.Equal("Bearer site-token", Assert.Single(start.Requests).Header("Authorization"));
        AssertNoSecrets(landing);
        Assert.NotEmpty(run.Results);
    }

    [Fact]
    public async Task AStartRedirectFromHttpsToHttpCarriesNoSecrets()
    {
        await using var landing = RawServer.Start(Landing);
        using var certificate = TestCertificates.SelfSigned();
        await using var start = await TlsTestServer.StartAsync(certificate, c =>
        {
            c.Response.StatusCode = 301;
            c.Response.Headers.Location = landing.Url("site/").AbsoluteUri;
            return Task.CompletedTask;
        });
        var settings = CrawlFaultRun.Settings(start.Url("start"), s => AddSecrets(s with { Engine = s.Engine with { SkipCertificateCheck = true } }));

        await CrawlFaultRun.RunAsync(settings);

        Assert.Equal(1, start.Requests);
        AssertNoSecrets(landing);
    }

    [Theory]
    [InlineData("http://site.example/", "https://site.example/", true)]
    [InlineData("http://site.example/a", "https://SITE.example/b", true)]
    [InlineData("https://site.example/", "http://site.example/", false)]
    [InlineData("http://site.example:8080/", "https://site.example:8443/", false)]
    [InlineData("http://site.example/", "https://site.example:8443/", false)]
    [InlineData("http://site.example/", "https://www.site.example/", false)]
    public void OnlyAnUpgradeToHttpsOnTheSameHostAndDefaultPortsInheritsTrust(string from, string to, bool upgrade) =>
        Assert.Equal(upgrade, TrustedOrigins.IsUpgrade(new Uri(from), new Uri(to)));

    [Fact]
    public async Task VerboseRetryAndParkedLinesNeverShowAPassword()
    {
        int calls = 0;
        await using var server = RawServer.Start((r, c, ct) => r.Target == "/busy" && Interlocked.Increment(ref calls) == 1
            ? c.RespondAsync(503, "Retry-After: 1\r\n", "", ct)
            : c.RespondAsync(500, "", "", ct));
        var lines = new List<string>();
        var options = FaultOptions.Engine();
        using var engine = new FetchEngine(options, line => { lock (lines) lines.Add(line); });

        foreach (var path in new[] { "500", "busy" })
        {
            var url = new Uri($"http://admin:hunter2@127.0.0.1:{server.BaseUri.Port}/{path}");
            await Invariants.WithinAsync(FaultOptions.CaseBound, () => engine.FetchAsync(url, System.Net.Http.HttpMethod.Get, readBody: false, CancellationToken.None));
        }

        Assert.Contains(lines, l => l.Contains("retry 1 of 1"));
        Assert.Contains(lines, l => l.Contains("host parked"));
        Assert.All(lines, l => Assert.DoesNotContain("hunter2", l));
    }

    [Theory]
    [InlineData("http://admin:hunter2@127.0.0.1:80:80/x")]
    [InlineData("http://admin:hunter2@bad host/x")]
    [InlineData("https://admin:hunter2@[::1/x")]
    public void AnUnparsableUrlIsEchoedWithoutItsPassword(string input)
    {
        Assert.False(UrlInput.TryParse(input, out _, out var error));
        Assert.DoesNotContain("hunter2", error);
        Assert.Contains("***", error);
    }

    [Fact]
    public void AWebhookIsNamedByItsOriginOnly()
    {
        using var webhook = new WebhookNotifier(new Uri("https://bot:hunter2@127.0.0.1:9/services/T000/B000/XXXXsecret?token=abc"), WebhookFormat.Slack);
        foreach (var shown in new[] { webhook.Description, webhook.ToString() })
        {
            Assert.DoesNotContain("hunter2", shown);
            Assert.DoesNotContain("XXXXsecret", shown);
            Assert.DoesNotContain("token", shown);
            Assert.Contains("https://127.0.0.1:9", shown);
        }
    }

    [Theory]
    [InlineData("check", "--header", "Bearer-hunter2")]
    [InlineData("check", "--proxy", "http://proxyuser:hunter2@ proxy/")]
    [InlineData("watch", "--webhook-url", "hooks.slack.test/services/T000/B000/hunter2")]
    public async Task AMistypedSecretOptionIsRefusedWithoutEchoingTheSecret(string command, string option, string value)
    {
        var result = await CliProcess.RunAsync(null, command, "http://127.0.0.1:9/", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.StdErr);
        Assert.DoesNotContain("hunter2", result.StdErr + result.StdOut);
    }

    [Theory]
    [InlineData("mailto:foo@bar.com")]
    [InlineData("mailto:a.b@bar.com?subject=hello")]
    public void AMailboxIsNotUserInfo(string url)
    {
        Assert.Equal(url, UrlText.Redact(new Uri(url)));
        Assert.Equal(url, UrlText.Redact(url));
    }

    [Fact]
    public void RealUserInfoIsStillRedacted() =>
        Assert.Equal("http://***@127.0.0.1/x", UrlText.Redact(new Uri("http://user:pw@127.0.0.1/x")));
}
