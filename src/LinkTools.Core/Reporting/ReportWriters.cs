using System;
using System.IO;
using System.Text;
using LinkTools.Core.Storage;
using LinkTools.Model.Reporting;

namespace LinkTools.Core.Reporting
{
    /// <summary>The writer for each <see cref="ReportFormat"/>, and writing a report to a file.</summary>
    public static class ReportWriters
    {
        public static IReportWriter For(ReportFormat format)
        {
            switch (format)
            {
                case ReportFormat.JUnit: return new JUnitReportWriter();
                case ReportFormat.Markdown: return new MarkdownReportWriter();
                case ReportFormat.Json: return new JsonReportWriter();
                case ReportFormat.Html: return new HtmlReportWriter();
                default: throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
            }
        }

        /// <summary>The format a report file's extension names (.xml JUnit, .md Markdown, .json Json, .html or .htm Html), or null.</summary>
        public static ReportFormat? FormatOf(string path)
        {
            switch (Path.GetExtension(path).ToLowerInvariant())
            {
                case ".xml": return ReportFormat.JUnit;
                case ".md": return ReportFormat.Markdown;
                case ".json": return ReportFormat.Json;
                case ".html": case ".htm": return ReportFormat.Html;
                default: return null;
            }
        }

        /// <summary>Replaces the file whole (see <see cref="AtomicFile"/>), so a failed write leaves no half report.</summary>
        public static void WriteFile(Report report, ReportFormat format, string path) => WriteFile(report, For(format), path);

        public static void WriteFile(Report report, IReportWriter writer, string path) =>
            AtomicFile.Write(path, stream =>
            {
                using (var text = new StreamWriter(stream, new UTF8Encoding(false), 64 * 1024, leaveOpen: true))
                {
                    writer.Write(report, text);
                }
            });
    }
}
