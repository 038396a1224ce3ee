using System;
using System.IO;
using System.Text;

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

        /// <summary>Writes to a temporary file beside the target and then replaces it, so a failed write leaves no half report.</summary>
        public static void WriteFile(Report report, ReportFormat format, string path)
        {
            string full = Path.GetFullPath(path);
            string temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                using (var writer = new StreamWriter(stream, new UTF8Encoding(false)))
                {
                    For(format).Write(report, writer);
                }

                if (File.Exists(full)) File.Delete(full);
                File.Move(temp, full);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }
    }
}
