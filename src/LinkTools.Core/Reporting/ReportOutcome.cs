namespace LinkTools.Core.Reporting
{
    /// <summary>How a row counts in a report: a test that passed, failed, or could not tell.</summary>
    public enum ReportOutcome
    {
        Passed,
        Failed,
        /// <summary>Not checked, or the server would not let a checker tell (Unverifiable): neither pass nor fail.</summary>
        Skipped,
    }
}
