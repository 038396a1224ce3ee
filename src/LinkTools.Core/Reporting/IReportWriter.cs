using System.IO;

namespace LinkTools.Core.Reporting
{
    /// <summary>Writes a <see cref="Report"/> in one format. Every value from the web is escaped for that format.</summary>
    public interface IReportWriter
    {
        void Write(Report report, TextWriter output);
    }
}
