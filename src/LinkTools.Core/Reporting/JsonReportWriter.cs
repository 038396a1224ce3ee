using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
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
            var document = new JsonReportDocument
            {
                Title = report.Title,
                GeneratedAt = report.GeneratedAt,
                Total = report.Rows.Count,
                Passed = report.Passed,
                Failed = report.Failed,
                Skipped = report.Skipped,
                StatusCounts = report.StatusCounts().ToDictionary(p => p.Key, p => p.Value),
                Rows = report.Rows.Select(r => new JsonReportRow
                {
                    Origin = r.Origin,
                    Source = r.Source,
                    Url = r.Url,
                    Status = r.Status,
                    Outcome = r.Outcome.ToString(),
                    StatusCode = r.StatusCode,
                    FailureKind = r.FailureKind,
                    Reason = r.Reason,
                    ElapsedMs = r.ElapsedMs,
                    CheckedAt = r.CheckedAt,
                    BaselineState = r.BaselineState,
                }),
            };
            return ConsoleText.NeutralizeJson(JsonSerializer.Serialize(document, JsonReportJson.Default.JsonReportDocument));
        }
    }

    /// <summary>The report file's shape (names in camelCase by <see cref="JsonReportJson"/>).</summary>
    internal sealed class JsonReportDocument
    {
        public string Title { get; set; } = "";
        public DateTimeOffset GeneratedAt { get; set; }
        public int Total { get; set; }
        public int Passed { get; set; }
        public int Failed { get; set; }
        public int Skipped { get; set; }
        public Dictionary<string, int> StatusCounts { get; set; } = new();
        public IEnumerable<JsonReportRow> Rows { get; set; } = Array.Empty<JsonReportRow>();
    }

    /// <summary>One row of the report file.</summary>
    internal sealed class JsonReportRow
    {
        public string Origin { get; set; } = "";
        public string Source { get; set; } = "";
        public string Url { get; set; } = "";
        public string Status { get; set; } = "";
        public string Outcome { get; set; } = "";
        public int? StatusCode { get; set; }
        public string FailureKind { get; set; } = "";
        public string Reason { get; set; } = "";
        public long? ElapsedMs { get; set; }
        public DateTimeOffset? CheckedAt { get; set; }
        public string BaselineState { get; set; } = "";
    }

    /// <summary>Generated at compile time, so the report is written without reflection (also by the native CLI).</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
    [JsonSerializable(typeof(JsonReportDocument))]
    internal sealed partial class JsonReportJson : JsonSerializerContext
    {
    }
}
