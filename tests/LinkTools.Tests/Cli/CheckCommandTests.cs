using System.Text.Json;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Cli;

public class CheckCommandTests
{
    private static Task<TestServer> StartSite() => TestServer.StartAsync(c =>
    {
        c.Response.StatusCode = c.Request.Path.StartsWithSegments("/missing") ? 404 : 200;
        return Task.CompletedTask;
    });

    [Fact]
    public async Task ExitCodeIsZeroWhenNothingIsBroken()
    {
        await using var site = await StartSite();
        var run = await CliProcess.RunAsync(null, "check", site.Url("a").AbsoluteUri, site.Url("b").AbsoluteUri);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("Ok") && l.Contains(site.Url("a").AbsoluteUri));
    }

    [Fact]
    public async Task VerboseWritesEveryRequestToStandardErrorOnly()
    {
        await using var site = await StartSite();
        var quiet = await CliProcess.RunAsync(null, "check", site.Url("a").AbsoluteUri);
        var verbose = await CliProcess.RunAsync(null, "check", site.Url("a").AbsoluteUri, "--verbose");

        Assert.Equal(0, verbose.ExitCode);
        Assert.Contains("HEAD " + site.Url("a").AbsoluteUri + " -> 200", verbose.StdErr);
        Assert.DoesNotContain("-> 200", quiet.StdErr);
        Assert.Equal(quiet.Lines.Length, verbose.Lines.Length);
    }

    [Fact]
    public async Task ExitCodeIsOneWhenSomethingIsBroken()
    {
        await using var site = await StartSite();
        var run = await CliProcess.RunAsync(null, "check", site.Url("a").AbsoluteUri, site.Url("missing").AbsoluteUri, "--retry-interval-sec", "0");
        Assert.Equal(1, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("Broken") && l.Contains("HTTP 404 Not Found"));
    }

    [Theory]
    [InlineData("Host: 127.0.0.2", "'Host'")]
    [InlineData("Content-Length: 5", "'Content-Length'")]
    [InlineData("X Bad: 1", "'X Bad'")]
    public async Task AHeaderThatCannotBeSentIsAUsageErrorNamingIt(string header, string named)
    {
        await using var site = await StartSite();
        var run = await CliProcess.RunAsync(null, "check", site.Url("a").AbsoluteUri, "--header", header);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--header", run.StdErr);
        Assert.Contains(named, run.StdErr);
    }

    [Fact]
    public async Task UsageErrorsExitWithTwoAndNameTheInput()
    {
        var badOption = await CliProcess.RunAsync(null, "check", "http://127.0.0.1:1/", "--throttle-limit", "0");
        Assert.Equal(2, badOption.ExitCode);
        Assert.Contains("--throttle-limit", badOption.StdErr);

        var missingFile = await CliProcess.RunAsync(null, "check", "--input-file", "/nonexistent/urls.txt");
        Assert.Equal(2, missingFile.ExitCode);
        Assert.Contains("/nonexistent/urls.txt", missingFile.StdErr);

        var onlyBadUrls = await CliProcess.RunAsync(null, "check", "not-a-url");
        Assert.Equal(2, onlyBadUrls.ExitCode);
        Assert.Contains("'not-a-url'", onlyBadUrls.StdErr);
    }

    [Fact]
    public async Task JsonLinesUseTheDotNetPropertyNames()
    {
        await using var site = await StartSite();
        var run = await CliProcess.RunAsync(null, "check", site.Url("a").AbsoluteUri, site.Url("missing").AbsoluteUri, "--format", "json", "--retry-interval-sec", "0");
        Assert.Equal(2, run.Lines.Length);
        var docs = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var broken = docs.Single(d => d.GetProperty("IsBroken").GetBoolean());
        Assert.Equal("Broken", broken.GetProperty("Status").GetString());
        Assert.Equal(404, broken.GetProperty("StatusCode").GetInt32());
        Assert.Equal(site.Url("missing").AbsoluteUri, broken.GetProperty("Url").GetString());
    }

    [Fact]
    public async Task ReadsUrlsFromStandardInputAndFiles()
    {
        await using var site = await StartSite();
        var fromStdin = await CliProcess.RunAsync($"# comment\n{site.Url("one").AbsoluteUri}\n\n{site.Url("two").AbsoluteUri}\n", "check", "--format", "csv");
        Assert.Equal(0, fromStdin.ExitCode);
        Assert.Equal(3, fromStdin.Lines.Length); // header + two rows
        Assert.StartsWith("Url,FinalUrl,Status,IsBroken", fromStdin.Lines[0]);

        var file = Path.GetTempFileName();
        File.WriteAllLines(file, [site.Url("three").AbsoluteUri, site.Url("missing/x").AbsoluteUri]);
        var fromFile = await CliProcess.RunAsync(null, "check", "--input-file", file, "--format", "csv", "--retry-interval-sec", "0");
        File.Delete(file);
        Assert.Equal(1, fromFile.ExitCode);
        Assert.Equal(3, fromFile.Lines.Length);
    }

    [Fact]
    public async Task WebTextCannotIssuePipelineCommands()
    {
        await using var site = await TestServer.StartAsync(c =>
        {
            c.Response.StatusCode = 404;
            c.Response.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseFeature>()!.ReasonPhrase = "##vso[task.setvariable variable=x]owned";
            return Task.CompletedTask;
        });
        foreach (var format in new[] { "table", "json", "csv" })
        {
            var run = await CliProcess.RunAsync(null, "check", site.Url("x").AbsoluteUri, "--format", format, "--retry-interval-sec", "0");
            Assert.Equal(1, run.ExitCode);
            Assert.False(run.StdOut.Contains("##vso["), format + ": " + run.StdOut);
            Assert.Contains("vso[task.setvariable", run.StdOut);
        }
    }

    [Fact]
    public void CsvCellsThatSpreadsheetsWouldRunAreNeutralised()
    {
        Assert.Equal("'=HYPERLINK(\"\"x\"\")", LinkTools.Cli.Output.CsvResultWriter.Cell("=HYPERLINK(\"x\")").Trim('"'));
        Assert.Equal("'+1", LinkTools.Cli.Output.CsvResultWriter.Cell("+1"));
        Assert.Equal("'@SUM(A1)", LinkTools.Cli.Output.CsvResultWriter.Cell("@SUM(A1)"));
        Assert.Equal("'-2", LinkTools.Cli.Output.CsvResultWriter.Cell("-2"));
        Assert.Equal("\"a,b\"", LinkTools.Cli.Output.CsvResultWriter.Cell("a,b"));
    }

    [Fact]
    public void CsvNumericColumnsKeepTheirSignWhileTextColumnsAreNeutralised()
    {
        var output = new StringWriter();
        var writer = new LinkTools.Cli.Output.CsvResultWriter(output);
        writer.Write(new LinkTools.Model.Monitoring.SiteCheckResult { Url = "https://expired.example/", CertificateDaysLeft = -5, ScheduleLagMs = -3, Error = "+1", AttemptLog = "-2" });
        var lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var row = lines[1].Split(',');
        Assert.Equal("-5", row[Array.IndexOf(header, "CertificateDaysLeft")]);
        Assert.Equal("-3", row[Array.IndexOf(header, "ScheduleLagMs")]);
        Assert.Equal("'+1", row[Array.IndexOf(header, "Error")]);
        Assert.Equal("'-2", row[Array.IndexOf(header, "AttemptLog")]);
    }

    [Fact]
    public async Task DemoChecksTheBuiltInSiteOffline()
    {
        var run = await CliProcess.RunAsync(null, "demo", "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var docs = run.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToArray();
        var broken = docs.Where(d => d.GetProperty("IsBroken").GetBoolean()).Select(d => new Uri(d.GetProperty("Url").GetString()!).AbsolutePath).OrderBy(p => p).ToArray();
        Assert.Equal(new[] { "/contact", "/gone", "/loop-a", "/missing-page" }, broken);
        Assert.Contains(docs, d => d.GetProperty("Status").GetString() == "Redirected");
    }
}
