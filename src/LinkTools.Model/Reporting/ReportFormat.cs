namespace LinkTools.Model.Reporting
{
    /// <summary>The report formats Export-LinkReport and the CLI write.</summary>
    public enum ReportFormat
    {
        /// <summary>JUnit XML: one test case per link, broken links as failures (Azure DevOps, GitHub test reporters).</summary>
        JUnit,
        /// <summary>A summary table and the broken links grouped by page, for pipeline summaries and pull requests.</summary>
        Markdown,
        /// <summary>The rows and the summary as one JSON document.</summary>
        Json,
        /// <summary>One self-contained HTML file (no network): filters, charts and the broken links grouped by page.</summary>
        Html,
    }
}
