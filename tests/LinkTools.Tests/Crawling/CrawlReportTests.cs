using Microsoft.AspNetCore.Http;
using System.Xml.Linq;
using System.Xml.Schema;
using LinkTools.Tests.Cmdlets;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Crawling;

/// <summary>`linktools crawl --report`: the nightly-crawl reports without PowerShell, from a real CLI process.</summary>
public class CrawlReportTests
{
    [Fact]
    public async Task CrawlWritesAValidJUnitReportGroupedByPageAndAnHtmlReport()
    {
        using var temp = new TempDirectory();
        var junitPath = Path.Combine(temp.Path, "links.xml");
        var htmlPath = Path.Combine(temp.Path, "links.report");

        var junitRun = await CliProcess.RunAsync(null, "crawl", "--demo", "--include-all", "--format", "json", "--report", junitPath);
        var htmlRun = await CliProcess.RunAsync(null, "crawl", "--demo", "--report", htmlPath, "--report-format", "Html");

        Assert.Equal(1, junitRun.ExitCode);
        Assert.Equal(1, htmlRun.ExitCode);
        var schemas = new XmlSchemaSet();
        schemas.Add(null, Path.Combine(CmdletContractTests.RepoRoot(), "tests", "LinkTools.Tests", "Reporting", "junit.xsd"));
        var junit = XDocument.Load(junitPath);
        var problems = new List<string>();
        junit.Validate(schemas, (_, e) => problems.Add(e.Message));
        Assert.Empty(problems);

        // One test case per (page, link) the console got, the 11 broken links as failures, one suite per page.
        Assert.Equal(junitRun.Lines.Length.ToString(), (string?)junit.Root!.Attribute("tests"));
        Assert.Equal("11", (string?)junit.Root.Attribute("failures"));
        // The start page itself has no page linking to it; every other link is in the suite of the page it is on.
        var suites = junit.Root.Elements("testsuite").Select(s => (string)s.Attribute("name")!).ToArray();
        Assert.True(suites.Count(s => s.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)) > 1, string.Join(", ", suites));
        Assert.All(junit.Root.Descendants("failure").Select(f => (string)f.Parent!.Parent!.Attribute("name")!), s => Assert.StartsWith("http://127.0.0.1:", s));

        var html = File.ReadAllText(htmlPath);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("linktools crawl http://127.0.0.1:", html);
    }

    [Fact]
    public async Task TheStartUrlsPasswordStaysOutOfTheReports()
    {
        await using var server = await TestServer.StartAsync(c =>
        {
            if (c.Request.Path == "/missing") c.Response.StatusCode = 404;
            c.Response.ContentType = "text/html";
            return c.Request.Path == "/" ? c.Response.WriteAsync("<a href=\"/missing\">gone</a>") : Task.CompletedTask;
        });
        var start = new UriBuilder(server.BaseUri) { UserName = "admin", Password = "s3cret" }.Uri;
        using var temp = new TempDirectory();
        var junitPath = Path.Combine(temp.Path, "links.xml");
        var htmlPath = Path.Combine(temp.Path, "links.html");

        var junitRun = await CliProcess.RunAsync(null, "crawl", start.AbsoluteUri, "--ignore-robots-txt", "--report", junitPath);
        var htmlRun = await CliProcess.RunAsync(null, "crawl", start.AbsoluteUri, "--ignore-robots-txt", "--report", htmlPath);

        Assert.Equal(1, junitRun.ExitCode);
        Assert.Equal(1, htmlRun.ExitCode);
        foreach (var path in new[] { junitPath, htmlPath })
        {
            var text = File.ReadAllText(path);
            Assert.Contains("/missing", text);
            Assert.DoesNotContain("s3cret", text);
        }
    }

    [Fact]
    public async Task AnUnknownReportExtensionWithoutAFormatIsAUsageError()
    {
        using var temp = new TempDirectory();
        var run = await CliProcess.RunAsync(null, "crawl", "--demo", "--report", Path.Combine(temp.Path, "links.txt"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--report-format", run.StdErr);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
