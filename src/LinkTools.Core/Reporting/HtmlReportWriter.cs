using System.IO;
using System.Net;
using System.Reflection;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// One self-contained HTML file (no network; a Content-Security-Policy forbids it): summary, charts drawn in the
    /// page from the embedded JSON (status breakdown, response times, slowest URLs, uptime per site), the broken
    /// links grouped by page, and a filterable table. Data reaches the page only as JSON read through textContent.
    /// </summary>
    public sealed class HtmlReportWriter : IReportWriter
    {
        private const string TemplateResource = "LinkTools.Core.Reporting.Html.report.html";
        private const string TitleMarker = "{{TITLE}}";
        private const string DataMarker = "/*DATA*/";
        private static readonly string Template = LoadTemplate();

        public void Write(Report report, TextWriter output)
        {
            // Split at the markers rather than Replace, so neither value can inject into the other's slot.
            // The JSON encoder escapes '<', so the data cannot close the script element that carries it.
            int title = Template.IndexOf(TitleMarker, System.StringComparison.Ordinal);
            int data = Template.IndexOf(DataMarker, System.StringComparison.Ordinal);
            output.Write(Template.Substring(0, title));
            output.Write(WebUtility.HtmlEncode(ReportText.XmlSafe(report.Title)));
            output.Write(Template.Substring(title + TitleMarker.Length, data - title - TitleMarker.Length));
            output.Write(JsonReportWriter.ToJson(report));
            output.Write(Template.Substring(data + DataMarker.Length));
        }

        private static string LoadTemplate()
        {
            using (var stream = typeof(HtmlReportWriter).GetTypeInfo().Assembly.GetManifestResourceStream(TemplateResource)
                                ?? throw new InvalidDataException("The HTML report template is missing from " + typeof(HtmlReportWriter).Assembly.GetName().Name))
            using (var reader = new StreamReader(stream))
            {
                return reader.ReadToEnd();
            }
        }
    }
}
