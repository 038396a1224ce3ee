using System.Xml.Linq;
using LinkTools.Cli;
using LinkTools.Core.Demo;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Cli;

/// <summary>`linktools check --report`: the CLI writes the same reports as Export-LinkReport, against the loopback demo site.</summary>
public class CheckReportTests
{
    [Fact]
    public void CheckWritesAJUnitReportChosenByExtension()
    {
        using var site = DemoSite.Start();
        using var temp = new TempDirectory();
        var path = Path.Combine(temp.Path, "links.xml");

        int exit = Program.BuildRoot().Parse(new[]
        {
            "check", new Uri(site.BaseUri, "about.html").AbsoluteUri, new Uri(site.BaseUri, "missing-page").AbsoluteUri,
            "--report", path, "--timeout-sec", "10", "--retry-interval-sec", "0", "--format", "json",
        }).Invoke();

        Assert.Equal(1, exit);
        var junit = XDocument.Load(path).Root!;
        Assert.Equal("2", (string?)junit.Attribute("tests"));
        Assert.Equal("1", (string?)junit.Attribute("failures"));
    }

    [Fact]
    public void AnUnknownReportExtensionWithoutAFormatIsAUsageError()
    {
        using var temp = new TempDirectory();
        int exit = Program.BuildRoot().Parse(new[] { "check", "http://127.0.0.1:9/", "--report", Path.Combine(temp.Path, "links.txt") }).Invoke();
        Assert.Equal(2, exit);
        Assert.Empty(Directory.GetFiles(temp.Path));
    }
}
