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
                // ReportRow's own properties, in order, as camelCase names (Outcome as its name).
                Rows = report.Rows,
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
        public IEnumerable<ReportRow> Rows { get; set; } = Array.Empty<ReportRow>();
    }

    /// <summary>Generated at compile time, so the report is written without reflection (also by the native CLI).</summary>
    [JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
    [JsonSerializable(typeof(JsonReportDocument))]
    internal sealed partial class JsonReportJson : JsonSerializerContext
    {
    }
}
