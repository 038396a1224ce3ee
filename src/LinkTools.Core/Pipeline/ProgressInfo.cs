namespace LinkTools.Core.Pipeline
{
    /// <summary>A progress update, shaped like PowerShell's ProgressRecord.</summary>
    public sealed class ProgressInfo
    {
        public ProgressInfo(int activityId, string activity, string statusDescription)
        {
            ActivityId = activityId;
            Activity = activity;
            StatusDescription = statusDescription;
        }

        public int ActivityId { get; }
        public string Activity { get; }
        public string StatusDescription { get; }
        public string? CurrentOperation { get; set; }

        /// <summary>0 to 100, or -1 when the total is not known yet.</summary>
        public int PercentComplete { get; set; } = -1;

        public bool Completed { get; set; }
    }
}
