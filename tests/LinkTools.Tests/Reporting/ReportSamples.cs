using LinkTools.Core.Checking;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Reporting;
using LinkTools.Model.Checking;
using LinkTools.Model.Monitoring;

namespace LinkTools.Tests.Reporting;

/// <summary>Reports with ordinary rows and rows carrying hostile text, as a malicious page could make them.</summary>
internal static class ReportSamples
{
    /// <summary>Markup, a pipeline command, a CDATA end, a control character and a Markdown table break.</summary>
    public const string Hostile = "<script>alert(1)</script> ]]> & \u0001 | ##vso[task.setvariable variable=x]1 [link](http://evil)";

    public static LinkResult Result(string url, LinkStatus status, int? code, string reason, long ms = 120) => new()
    {
        Url = url,
        FinalUrl = url,
        Status = status,
        StatusCode = code,
        FailureKind = status == LinkStatus.Broken ? FailureKind.Http : status == LinkStatus.Unverifiable ? FailureKind.BotProtection : FailureKind.None,
        Reason = reason,
        ElapsedMs = ms,
        CheckedAt = new DateTimeOffset(2026, 11, 22, 1, 2, 3, TimeSpan.Zero),
    };

    public static Report Mixed()
    {
        var builder = new ReportBuilder();
        builder.TryAdd(Result("http://127.0.0.1:8080/ok", LinkStatus.Ok, 200, "HTTP 200 OK", 80));
        builder.TryAdd(Result("http://127.0.0.1:8080/moved", LinkStatus.Redirected, 200, "HTTP 200 OK after 1 redirect", 150));
        builder.TryAdd(Result("http://127.0.0.1:8080/missing", LinkStatus.Broken, 404, "HTTP 404 Not Found", 40));
        builder.TryAdd(Result("http://127.0.0.1:8080/walled", LinkStatus.Unverifiable, 403, "HTTP 403 Forbidden (bot protection)", 900));
        builder.TryAdd(Result("http://127.0.0.1:8080/x?q=" + Hostile, LinkStatus.Broken, 500, "HTTP 500 " + Hostile, 2500));
        return builder.Build("Links on 127.0.0.1 " + Hostile);
    }

    /// <summary>
    /// URLs and site names far longer than a chart's label column (wide letters, an astral character, hostile text),
    /// a response time in six digits, and Watch-Website checks so the uptime timeline is drawn too.
    /// </summary>
    public static Report LongLabels()
    {
        var builder = new ReportBuilder();
        var longPath = "/documentation/reference/WWWWWWWWWWMMMMMMMMMM/" + new string('W', 120) + "/end-of-the-path.html";
        builder.TryAdd(Result("http://127.0.0.1:8080" + longPath, LinkStatus.Broken, 404, "HTTP 404 Not Found", 123_456));
        builder.TryAdd(Result("http://127.0.0.1:8080/\U0001F600/" + new string('M', 200), LinkStatus.Ok, 200, "HTTP 200 OK", 2_000));
        builder.TryAdd(Result("http://127.0.0.1:8080/x?q=" + Hostile + new string('=', 150), LinkStatus.Broken, 500, "HTTP 500", 900));
        builder.TryAdd(Result("http://127.0.0.1:8080/short", LinkStatus.Ok, 200, "HTTP 200 OK", 15));
        var site = "WWWWWWWW Mmmmmmm Documentation Portal (production, every region) " + Hostile;
        for (int i = 0; i < 5; i++)
        {
            builder.TryAdd(new SiteCheckResult
            {
                CheckedAt = new DateTimeOffset(2026, 11, 22, 1, i, 0, TimeSpan.Zero), Url = "http://127.0.0.1:9" + longPath, Name = site,
                State = i == 2 ? SiteHealth.Down : SiteHealth.Up, ConfirmedState = SiteHealth.Up, StatusCode = i == 2 ? 503 : 200,
                ResponseTimeMs = 45 + i, Attempts = 1, Method = "HEAD",
            });
        }

        return builder.Build("Long labels " + Hostile);
    }

    public static string Render(IReportWriter writer, Report report)
    {
        using var text = new StringWriter();
        writer.Write(report, text);
        return text.ToString();
    }
}
