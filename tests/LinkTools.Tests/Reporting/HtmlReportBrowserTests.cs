using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LinkTools.Core.Reporting;
using LinkTools.Model.Reporting;
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

    /// <summary>
    /// Measures, in the laid-out page, every label and value of every chart against its chart's box: a label cut off
    /// at the edge or drawn outside the chart fails, at a wide, a medium and a phone-sized window.
    /// </summary>
    [ChromiumFact]
    public async Task LongUrlLabelsStayInsideTheirChartsAndKeepTheFullUrlAsATooltip()
    {
        using var temp = new TempDirectory();
        var report = ReportSamples.LongLabels();
        var page = System.IO.Path.Combine(temp.Path, "long-labels.html");
        var html = ReportSamples.Render(new HtmlReportWriter(), report);
        int end = html.LastIndexOf("</body>", StringComparison.Ordinal);
        File.WriteAllText(page, html.Substring(0, end) + "<script>" + MeasureLabels + "</script>\n" + html.Substring(end));
        var longUrls = report.Rows.Where(r => r.ElapsedMs != null).Select(r => r.Url).Distinct().ToArray();

        foreach (var width in new[] { 1280, 800, 400 })
        {
            var dom = await RunChromium(temp.Path, "--dump-dom", $"--window-size={width},1600", new Uri(page).AbsoluteUri);
            Assert.Contains("data-rendered=\"true\"", dom.StdOut, StringComparison.Ordinal);
            var measured = Regex.Match(dom.StdOut, "<pre id=\"layout-check\"[^>]*>(.*?)</pre>", RegexOptions.Singleline);
            Assert.True(measured.Success, $"the measuring script did not run at width {width}: {dom.StdErr}");
            using var result = JsonDocument.Parse(WebUtility.HtmlDecode(measured.Groups[1].Value));
            var root = result.RootElement;

            var outside = root.GetProperty("outside").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.True(outside.Length == 0, $"at width {width}, {outside.Length} chart texts are cut off or outside their chart:\n" + string.Join("\n", outside));
            // Something was measured in each chart (the check cannot pass on an empty chart), the uptime lane included.
            Assert.True(root.GetProperty("pageOverflow").GetInt32() <= 0, $"at width {width} the page scrolls sideways by {root.GetProperty("pageOverflow").GetInt32()} px");
            Assert.True(root.GetProperty("uptimeSpan").GetDouble() > 0.5, $"at width {width} the uptime timeline spans {root.GetProperty("uptimeSpan").GetDouble():P0} of its chart");
            foreach (var chart in new[] { "chart-status", "chart-times", "chart-slowest", "chart-uptime" })
            {
                Assert.True(root.GetProperty("measured").GetProperty(chart).GetInt32() > 0, $"width {width}: nothing measured in {chart}");
            }

            // Shortened labels keep both ends of the URL, and every slowest-URL bar carries its full URL as a tooltip.
            var tooltips = root.GetProperty("slowestTitles").EnumerateArray().Select(e => e.GetString()).ToArray();
            Assert.Equal(report.Rows.Where(r => r.ElapsedMs != null).OrderByDescending(r => r.ElapsedMs).Take(10).Select(r => r.Url), tooltips);
            var labels = root.GetProperty("slowestLabels").EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.Contains(labels, l => l.Contains('…') && l.StartsWith("http://", StringComparison.Ordinal) && l.EndsWith(".html", StringComparison.Ordinal));
            // Where there is room (the chart spans the page), the shortened label keeps the host, port and more.
            if (width >= 1280) Assert.All(labels, l => Assert.StartsWith("http://127.0.0.1:", l, StringComparison.Ordinal));
            Assert.All(labels, l => Assert.Contains(longUrls, u => l == u || (l.Contains('…') && u.StartsWith(l.Split('…')[0], StringComparison.Ordinal) && u.EndsWith(l.Split('…')[1], StringComparison.Ordinal))));
        }

        var png = System.IO.Path.Combine(ArtifactDirectory(), "html-report-long-labels.png");
        File.Delete(png);
        await RunChromium(temp.Path, $"--screenshot={png}", "--window-size=1280,1200", new Uri(page).AbsoluteUri);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is missing or blank: " + png);
    }

    /// <summary>
    /// Runs after the report's own script: compares each chart text's rendered box with its svg's box and lists the
    /// slowest-URL labels and tooltips, as JSON in a &lt;pre&gt; that --dump-dom prints.
    /// </summary>
    private const string MeasureLabels = """
        (function () {
          var page = document.documentElement;
          var result = { outside: [], measured: {}, slowestLabels: [], slowestTitles: [], pageOverflow: page.scrollWidth - page.clientWidth };
          ["chart-status", "chart-times", "chart-slowest", "chart-uptime"].forEach(function (id) {
            var chart = document.getElementById(id), box = chart.getBoundingClientRect(), n = 0;
            Array.prototype.forEach.call(chart.querySelectorAll("text"), function (t) {
              var r = t.getBoundingClientRect();
              n++;
              if (r.width === 0 || r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.top < box.top - 0.5 || r.bottom > box.bottom + 0.5)
                result.outside.push(id + ": '" + t.textContent + "' spans x " + Math.round(r.left) + " to " + Math.round(r.right) + ", y " + Math.round(r.top) + " to " + Math.round(r.bottom) +
                  "; the chart spans x " + Math.round(box.left) + " to " + Math.round(box.right) + ", y " + Math.round(box.top) + " to " + Math.round(box.bottom));
            });
            result.measured[id] = n;
          });
          // How much of its chart's width the uptime timeline uses, first mark to last.
          var uptime = document.getElementById("chart-uptime"), marks = Array.prototype.map.call(uptime.querySelectorAll("rect"), function (r) { return r.getBoundingClientRect(); });
          result.uptimeSpan = marks.length < 2 ? 0 : (Math.max.apply(null, marks.map(function (m) { return m.right; })) - Math.min.apply(null, marks.map(function (m) { return m.left; }))) / uptime.getBoundingClientRect().width;
          Array.prototype.forEach.call(document.querySelectorAll("#chart-slowest .bar"), function (g) {
            result.slowestLabels.push(g.querySelector("text.label").textContent);
            result.slowestTitles.push(g.querySelector("title").textContent);
          });
          var pre = document.createElement("pre");
          pre.id = "layout-check";
          pre.hidden = true;
          pre.textContent = JSON.stringify(result);
          document.body.appendChild(pre);
        })();
        """;

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
            var info = new ProcessStartInfo(ChromiumFactAttribute.Path!)
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
