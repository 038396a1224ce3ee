using System;

namespace LinkTools.Model.Monitoring
{
    /// <summary>A confirmed change of a site's state (or a reminder that it is still Down). Flat, so Export-Csv keeps every column.</summary>
    public sealed class SiteStateChange
    {
        public DateTimeOffset At { get; set; }
        public string Url { get; set; } = "";
        public string Name { get; set; } = "";
        public SiteHealth From { get; set; }
        public SiteHealth To { get; set; }

        /// <summary>When the new state began: the first check that saw it.</summary>
        public DateTimeOffset Since { get; set; }

        /// <summary>How long the previous state lasted; zero for the initial state.</summary>
        public TimeSpan PreviousDuration { get; set; }

        public StateChangeReason Reason { get; set; }
        public int? StatusCode { get; set; }
        public WatchFailureKind FailureKind { get; set; }
        public string Error { get; set; } = "";
        public long ResponseTimeMs { get; set; }
        public int ConsecutiveFailures { get; set; }
        public int? CertificateDaysLeft { get; set; }

        /// <summary>True when the change was (or will be) sent to the notifiers; false when held (maintenance) or not alert-worthy.</summary>
        public bool Alerted { get; set; }

        public override string ToString() => $"{Reason}: {Name} {From} -> {To}" + (Error.Length > 0 ? " (" + Error + ")" : "");
    }
}
