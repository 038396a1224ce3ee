using LinkTools.Core.Reporting;
using LinkTools.Model.Reporting;

namespace LinkTools.Cli.Output;

/// <summary>Where a report goes and in which format.</summary>
internal sealed record ReportRequest(string Path, ReportFormat Format);
