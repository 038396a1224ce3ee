using System.Globalization;
using System.IO;
using System.Linq;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// A summary table and the broken links grouped by page: short enough for a pipeline summary or a pull request
    /// comment. Every value from the web is escaped (<see cref="ReportText.Markdown"/>); URLs are code spans (<see cref="ReportText.MarkdownUrl"/>).
    /// </summary>
    public sealed class MarkdownReportWriter : IReportWriter
    {
        /// <summary>Long lists are cut here so the summary stays readable; the JSON and HTML reports keep everything.</summary>
        public const int MaxListedFailures = 200;

        public void Write(Report report, TextWriter output)
        {
            output.Write("## ");
            output.WriteLine(ReportText.Markdown(report.Title));
            output.WriteLine();
            output.WriteLine(report.Failed == 0
                ? $"**No broken links** among {Count(report.Rows.Count)} checked."
                : $"**{Count(report.Failed)} broken** of {Count(report.Rows.Count)} checked.");
            output.WriteLine();
            if (report.Rows.Any(r => r.BaselineState.Length > 0))
            {
                output.WriteLine($"Against the baseline: {Count(CountOf(report, BaselineState.New))} new, " +
                    $"{Count(CountOf(report, BaselineState.StillBroken))} still broken, {Count(CountOf(report, BaselineState.Fixed))} fixed.");
                output.WriteLine();
            }

            output.WriteLine("| Status | Count |");
            output.WriteLine("| --- | ---: |");
            foreach (var pair in report.StatusCounts())
            {
                output.WriteLine($"| {ReportText.Markdown(pair.Key)} | {Count(pair.Value)} |");
            }

            var failures = report.FailuresBySource();
            if (failures.Count == 0) return;

            output.WriteLine();
            output.WriteLine("### Broken links");
            int listed = 0;
            foreach (var page in failures)
            {
                if (listed >= MaxListedFailures) break;
                output.WriteLine();
                output.WriteLine(page.Key.Length > 0 ? $"**On {Place(page.Key)}**" : "**Checked URLs**");
                output.WriteLine();
                output.WriteLine("| URL | Code | Reason |");
                output.WriteLine("| --- | ---: | --- |");
                foreach (var row in page.TakeWhile(_ => listed++ < MaxListedFailures))
                {
                    string code = row.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "";
                    output.WriteLine($"| {ReportText.MarkdownUrl(row.Url)} | {code} | {ReportText.Markdown(row.Reason)} |");
                }
            }

            if (report.Failed > MaxListedFailures)
            {
                output.WriteLine();
                output.WriteLine($"…and {Count(report.Failed - MaxListedFailures)} more; see the full report.");
            }
        }

        // A page is a URL (shown as code, as the links are); a watched site may be a name.
        private static string Place(string source) =>
            System.Uri.TryCreate(source, System.UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https")
                ? ReportText.MarkdownUrl(source)
                : ReportText.Markdown(source);

        private static int CountOf(Report report, BaselineState state) =>
            report.Rows.Count(r => r.BaselineState == state.ToString());

        private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
    }
}
