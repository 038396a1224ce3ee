using System.Text.Json;
using LinkTools.Core.Checking;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Reporting;
using LinkTools.Core.Text;
using LinkTools.Model.Checking;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.Model.Reporting;
using LinkTools.Tests.Faults.Servers;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Text from the web reaches reports, files, the console and notifications as data only: no CI agent command on any
/// line (GitHub trims a line before it looks for '::'; Azure reads '##vso[' anywhere), no terminal escape, C1 control
/// or bidi override, and no chat markup that mentions a channel or disguises a link.
/// </summary>
public class HostileTextFaultTests
{
    private const string Commands = "x\n ::error title=pwned::owned\n\t::add-mask::secret\n##vso[task.setvariable variable=a]1 and ##[error]b";
    private const string Escapes = "\u001B]8;;http://evil.test/\u0007click\u001B]8;;\u0007 \u001B[2J \u001B]52;c;cHduZWQ=\u0007 \u009B2J \u202Egnp.exe";

    /// <summary>Every line as a CI runner reads it: trimmed, then tested for a command.</summary>
    private static void AssertNoAgentCommand(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            Assert.False(line.Trim().StartsWith("::", StringComparison.Ordinal), "a GitHub command line: " + line);
            Assert.DoesNotContain("##vso[", line, StringComparison.Ordinal);
            Assert.DoesNotContain("##[", line, StringComparison.Ordinal);
        }
    }

    private static void AssertNoControls(string text)
    {
        foreach (char c in text)
        {
            bool control = (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || (c >= 0x7F && c <= 0x9F) || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            Assert.False(control, $"U+{(int)c:X4} in: {text}");
        }
    }

    private static Report HostileReport() => new("Crawl", new[]
    {
        new ReportRow
        {
            Origin = "Crawl", Source = "http://127.0.0.1/sitemap.xml" + Commands, Url = "http://127.0.0.1/a" + Commands, Status = "Broken",
            Outcome = ReportOutcome.Failed, Reason = "HTTP 404 " + Commands + Escapes,
        },
    }, DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(ReportFormat.JUnit)]
    [InlineData(ReportFormat.Markdown)]
    [InlineData(ReportFormat.Html)]
    [InlineData(ReportFormat.Json)]
    public void NoLineOfAReportIssuesAnAgentCommandOrATerminalEscape(ReportFormat format)
    {
        string text = Reporting.ReportSamples.Render(ReportWriters.For(format), HostileReport());
        AssertNoAgentCommand(text);
        AssertNoControls(text);
    }

    [Fact]
    public void ACsvCellIssuesNoCommandAndReadsBackAsData()
    {
        string cell = CsvText.Cell("HTTP 500 " + Commands + Escapes, SignedNumbers.Keep);
        AssertNoAgentCommand(cell);
        AssertNoControls(cell);
        var read = Assert.Single(Assert.Single(CsvText.Records(new StringReader(cell + "\n"))));
        Assert.Contains("task.setvariable variable=a]1", read);
        Assert.Contains("add-mask::secret", read);
    }

    [Fact]
    public void TheHistoryFileIssuesNoCommandAndReadsBack()
    {
        using var dir = new Packaging.TempDirectory();
        string path = Path.Combine(dir.Path, "history.csv");
        using (var writer = new HistoryWriter(path))
        {
            writer.Append(new SiteCheckResult
            {
                CheckedAt = DateTimeOffset.UtcNow, Url = "http://127.0.0.1/", Name = "Site" + Escapes, State = SiteHealth.Down, ConfirmedState = SiteHealth.Down,
                StatusCode = 500, FailureKind = WatchFailureKind.Status, Error = "HTTP 500 ##vso[task.complete result=Succeeded;]done" + Commands,
            });
        }

        string text = File.ReadAllText(path);
        AssertNoAgentCommand(text);
        AssertNoControls(text);
        var report = Assert.Single(UptimeReport.FromFile(path, null, null));
        Assert.Equal("http://127.0.0.1/", report.Url);
    }

    [Fact]
    public void ConsoleTextLeavesNoCommandOnAnyTrimmedLine()
    {
        AssertNoAgentCommand(ConsoleText.Neutralize(Commands));
        AssertNoControls(ConsoleText.Neutralize(Escapes));
    }

    [Fact]
    public async Task AReasonPhraseCarriesNoTerminalEscapeIntoResultsOrTheCliTable()
    {
        // Latin-1 on the wire, as a server may send it: ESC, BEL and the 8-bit CSI (U+009B).
        const string phrase = "Not Found \u001B]8;;http://evil.test/\u0007click\u001B]8;;\u0007 \u001B[2J \u009B2J";
        await using var server = RawServer.Start((_, c, ct) => c.WriteAsync($"HTTP/1.1 404 {phrase}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct));

        var result = await FaultCheck.LinkAsync(FaultOptions.Engine(), server.Url("x"), checks: FaultOptions.ByGet);
        Assert.Equal(404, result.StatusCode);
        Assert.Contains("Not Found", result.Reason);
        AssertNoControls(result.Reason);

        var cli = await CliProcess.RunAsync(null, "check", server.Url("y").AbsoluteUri, "--method", "Get", "--maximum-retry-count", "0");
        Assert.Equal(1, cli.ExitCode);
        Assert.Contains("Not Found", cli.StdOut);
        AssertNoControls(cli.StdOut);
        AssertNoControls(cli.StdErr);
    }

    [Fact]
    public async Task LinkTextAndMailtoLinksAreShownAsWrittenWithoutEscapes()
    {
        string html = "<!doctype html><body>" +
                      "<a href=\"mailto:foo@bar.com\">mail</a>" +
                      "<a href=\"mailto:docs%40python.org\">docs</a>" +
                      "<a href=\"/page\">&#x1b;]8;;http://evil.test/&#x7;re-authenticate&#x1b;]8;;&#x7; &#x1b;[2J &#x202E;gnp.exe</a>" +
                      "</body>";
        var site = new PageSite();
        await using var server = await site.StartAsync();
        site.Add("/", "text/html", html);
        site.Add("/page", "text/html", "<p>page</p>");

        var run = await CrawlFaultRun.RunAsync(CrawlFaultRun.Settings(server.Url("/")));

        var page = server.Url("/");
        var mail = run.Row(page, "mailto:foo@bar.com");
        Assert.Equal(LinkStatus.Skipped, mail.Status);
        var docs = Assert.Single(run.On(page), r => r.LinkText == "docs");
        Assert.Equal(LinkStatus.Skipped, docs.Status);
        Assert.Equal(FailureKind.UnsupportedScheme, docs.FailureKind);
        var hostile = run.Row(page, server.Url("/page").AbsoluteUri);
        Assert.Contains("re-authenticate", hostile.LinkText);
        AssertNoControls(hostile.LinkText);
    }

    private static readonly SiteStateChange Defaced = new()
    {
        At = DateTimeOffset.UtcNow, Url = "http://127.0.0.1/", Name = "Shop <!channel>", From = SiteHealth.Up, To = SiteHealth.Down,
        Reason = StateChangeReason.Down, StatusCode = 503, FailureKind = WatchFailureKind.Status,
        Error = "HTTP 503 <!channel> <!here> <@U123> <http://evil.test/|re-authenticate here> [re-authenticate here](http://evil.test/) **urgent**",
        ConsecutiveFailures = 2,
    };

    [Fact]
    public void ASlackMessageMentionsNoOneAndDisguisesNoLink()
    {
        string text = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.Slack, new[] { Defaced })).RootElement.GetProperty("text").GetString()!;
        Assert.DoesNotContain("<", text);
        Assert.DoesNotContain(">", text);
        Assert.Contains("&lt;!channel&gt;", text);
    }

    [Fact]
    public void ATeamsCardRendersTheSitesMarkdownAsText()
    {
        var card = JsonDocument.Parse(WebhookPayload.Build(WebhookFormat.Teams, new[] { Defaced })).RootElement;
        var texts = card.GetProperty("attachments")[0].GetProperty("content").GetProperty("body").EnumerateArray().Select(b => b.GetProperty("text").GetString()!).ToList();
        Assert.Contains(texts, t => t.Contains("authenticate here"));
        Assert.All(texts, t =>
        {
            Assert.DoesNotContain("[re-authenticate here](", t);
            Assert.DoesNotContain("**urgent**", t);
        });
    }
}
