namespace LinkTools.Core.Monitoring.History
{
    /// <summary>The columns of a -HistoryPath file, one row per check.</summary>
    public static class HistoryColumns
    {
        public static readonly string[] All =
        {
            "CheckedAt", "Url", "Name", "State", "ConfirmedState", "InMaintenance", "StatusCode", "FailureKind",
            "ResponseTimeMs", "Attempts", "ScheduleLagMs", "CertificateDaysLeft", "Error",
        };
    }
}
