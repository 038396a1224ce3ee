using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// JUnit XML in the shape Azure DevOps' Publish Test Results and GitHub test reporters read: one test suite per page
    /// (or per command when there is no page), one test case per link, broken links as failures with the page and the
    /// reason, unverifiable and skipped links as skipped.
    /// </summary>
    public sealed class JUnitReportWriter : IReportWriter
    {
        public void Write(Report report, TextWriter output)
        {
            var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), CheckCharacters = true };
            using (var xml = XmlWriter.Create(output, settings))
            {
                xml.WriteStartDocument();
                xml.WriteStartElement("testsuites");
                xml.WriteAttributeString("name", ReportText.XmlSafe(report.Title));
                WriteCounts(xml, report.Rows.Count, report.Failed, report.Skipped, report.Rows.Sum(r => r.ElapsedMs ?? 0));

                int id = 0;
                foreach (var suite in report.Rows.GroupBy(SuiteName, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
                {
                    var rows = suite.ToArray();
                    xml.WriteStartElement("testsuite");
                    xml.WriteAttributeString("name", ReportText.XmlSafe(suite.Key));
                    WriteCounts(xml, rows.Length, rows.Count(r => r.Outcome == ReportOutcome.Failed), rows.Count(r => r.Outcome == ReportOutcome.Skipped), rows.Sum(r => r.ElapsedMs ?? 0));
                    xml.WriteAttributeString("id", (id++).ToString(CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("timestamp", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
                    xml.WriteAttributeString("hostname", ReportText.XmlSafe(Environment.MachineName));
                    foreach (var row in rows) WriteCase(xml, suite.Key, row);
                    xml.WriteEndElement();
                }

                xml.WriteEndElement();
                xml.WriteEndDocument();
            }
        }

        private static string SuiteName(ReportRow row) => row.Source.Length > 0 ? row.Source : row.Origin;

        private static void WriteCounts(XmlWriter xml, int tests, int failures, int skipped, long elapsedMs)
        {
            xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("errors", "0");
            xml.WriteAttributeString("skipped", skipped.ToString(CultureInfo.InvariantCulture));
            xml.WriteAttributeString("time", Seconds(elapsedMs));
        }

        private static void WriteCase(XmlWriter xml, string suite, ReportRow row)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", ReportText.XmlSafe(row.Url));
            xml.WriteAttributeString("classname", ReportText.XmlSafe(suite));
            xml.WriteAttributeString("time", Seconds(row.ElapsedMs ?? 0));
            switch (row.Outcome)
            {
                case ReportOutcome.Failed:
                    xml.WriteStartElement("failure");
                    xml.WriteAttributeString("message", ReportText.XmlSafe(row.Status + ": " + row.Reason));
                    xml.WriteAttributeString("type", ReportText.XmlSafe(row.FailureKind.Length > 0 ? row.FailureKind : row.Status));
                    xml.WriteString(ReportText.XmlSafe(Details(row)));
                    xml.WriteEndElement();
                    break;
                case ReportOutcome.Skipped:
                    xml.WriteStartElement("skipped");
                    xml.WriteAttributeString("message", ReportText.XmlSafe(row.Status + ": " + row.Reason));
                    xml.WriteEndElement();
                    break;
            }

            xml.WriteEndElement();
        }

        private static string Details(ReportRow row)
        {
            var text = new StringBuilder();
            text.Append("URL: ").Append(row.Url).Append('\n');
            if (row.Source.Length > 0) text.Append("Found on: ").Append(row.Source).Append('\n');
            text.Append("Status: ").Append(row.Status);
            if (row.StatusCode.HasValue) text.Append(" (").Append(row.StatusCode.Value.ToString(CultureInfo.InvariantCulture)).Append(')');
            text.Append('\n');
            if (row.FailureKind.Length > 0) text.Append("Failure: ").Append(row.FailureKind).Append('\n');
            text.Append("Reason: ").Append(row.Reason);
            return text.ToString();
        }

        private static string Seconds(long ms) => (ms / 1000.0).ToString("0.000", CultureInfo.InvariantCulture);
    }
}
