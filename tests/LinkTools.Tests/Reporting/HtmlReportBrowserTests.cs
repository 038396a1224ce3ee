using System.Diagnostics;
using System.Text.RegularExpressions;
using LinkTools.Core.Reporting;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Reporting;

/// <summary>Renders the HTML report in headless Chromium: the charts must be drawn and the script must finish.</summary>
public class HtmlReportBrowserTests
{
    [ChromiumFact]
    public async Task TheReportRendersItsChartsInChromium()
    {
        using var temp = new TempDirectory();
        var report = System.IO.Path.Combine(temp.Path, "links.html");
        ReportWriters.WriteFile(ReportSamples.Mixed(), ReportFormat.Html, report);
        var artifacts = ArtifactDirectory();
        var png = System.IO.Path.Combine(artifacts, "html-report.png");
        File.Delete(png);

        var dom = await RunChromium(temp.Path, "--dump-dom", new Uri(report).AbsoluteUri);
        // The report's script sets data-rendered on <body> as its last statement, so a script error leaves it unset.
        Assert.Contains("data-rendered=\"true\"", dom.StdOut, StringComparison.Ordinal);
        Assert.DoesNotContain("Uncaught", dom.StdErr, StringComparison.Ordinal);
        Assert.True(Count(Svg(dom.StdOut, "chart-status"), "<rect") > 0, "the status chart drew no bars");
        Assert.True(Count(Svg(dom.StdOut, "chart-times"), "<rect") > 0, "the response time chart drew no bars");
        Assert.True(Count(Svg(dom.StdOut, "chart-slowest"), "<rect") > 0, "the slowest URLs chart drew no bars");
        Assert.True(Count(dom.StdOut, "<tr") > 1, "the results table is empty");

        await RunChromium(temp.Path, $"--screenshot={png}", "--window-size=1280,2000", new Uri(report).AbsoluteUri);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is missing or blank: " + png);
    }

    private static string Svg(string dom, string id)
    {
        var match = Regex.Match(dom, $"<svg[^>]*id=\"{id}\"[^>]*>(.*?)</svg>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no <svg id=\"{id}\"> in the rendered page");
        return match.Groups[1].Value;
    }

    private static int Count(string text, string value) => Regex.Matches(text, Regex.Escape(value)).Count;

    /// <summary>TestResults/browser under the repository root, kept as an artifact.</summary>
    private static string ArtifactDirectory()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(System.IO.Path.Combine(dir.FullName, "LinkTools.sln"))) dir = dir.Parent;
        var path = System.IO.Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults", "browser");
        Directory.CreateDirectory(path);
        return path;
    }

    private static async Task<(string StdOut, string StdErr)> RunChromium(string workDirectory, params string[] args)
    {
        var profile = Directory.CreateTempSubdirectory("linktools-chromium-");
        try
        {
            var info = new ProcessStartInfo(ChromiumFactAttribute.Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workDirectory,
            };
            // A file:// page only: no network, no first-run work, no background services.
            foreach (var arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--enable-logging=stderr", $"--user-data-dir={profile.FullName}",
            }.Concat(args))
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("chromium did not exit within 90 s");
            }

            return (await stdout, await stderr);
        }
        finally
        {
            profile.Delete(true);
        }
    }
}
