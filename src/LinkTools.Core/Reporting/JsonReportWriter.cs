using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LinkTools.Core.Text;

namespace LinkTools.Core.Reporting
{
    /// <summary>The whole report as one JSON document: title, time, counts and every row.</summary>
    public sealed class JsonReportWriter : IReportWriter
    {
        public void Write(Report report, TextWriter output) => output.Write(ToJson(report));

        /// <summary>
        /// The default encoder escapes &lt; &gt; &amp; ' and non-ASCII, so the JSON is also safe inside an HTML script
        /// element; "##" is escaped too, so a CI agent that prints the file sees no command.
        /// </summary>
        public static string ToJson(Report report)
        {
            var document = new
            {
                title = report.Title,
                generatedAt = report.GeneratedAt,
                total = report.Rows.Count,
                passed = report.Passed,
                failed = report.Failed,
                skipped = report.Skipped,
                statusCounts = report.StatusCounts().ToDictionary(p => p.Key, p => p.Value),
                rows = report.Rows.Select(r => new
                {
                    origin = r.Origin,
                    source = r.Source,
                    url = r.Url,
                    status = r.Status,
                    outcome = r.Outcome.ToString(),
                    statusCode = r.StatusCode,
                    failureKind = r.FailureKind,
                    reason = r.Reason,
                    elapsedMs = r.ElapsedMs,
                    checkedAt = r.CheckedAt,
                    baselineState = r.BaselineState,
                }),
            };
            return ConsoleText.NeutralizeJson(JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true }));
        }
    }
}
