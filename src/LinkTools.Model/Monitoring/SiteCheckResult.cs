using System;

namespace LinkTools.Model.Monitoring
{
    /// <summary>One check of one watched site (written with -PassThru). Flat, so Export-Csv keeps every column.</summary>
    public sealed class SiteCheckResult
    {
        public DateTimeOffset CheckedAt { get; set; }
        public string Url { get; set; } = "";
        public string Name { get; set; } = "";

        /// <summary>The health this check observed (before thresholds confirm a change).</summary>
        public SiteHealth State { get; set; }

        /// <summary>The site's confirmed state after this check.</summary>
        public SiteHealth ConfirmedState { get; set; }

        public int? StatusCode { get; set; }
        public WatchFailureKind FailureKind { get; set; }
        public string Error { get; set; } = "";
        public string Method { get; set; } = "";
        public long ResponseTimeMs { get; set; }

        /// <summary>Attempts made inside this check (-Retry confirms a failure before it counts).</summary>
        public int Attempts { get; set; }

        /// <summary>Every attempt, in order: "1 HEAD 500 12 ms; 2 HEAD 500 9 ms".</summary>
        public string AttemptLog { get; set; } = "";

        /// <summary>How late the check started against its slot in the schedule.</summary>
        public long ScheduleLagMs { get; set; }

        /// <summary>Slots skipped because the previous check of the site ran past them (merged, not queued up).</summary>
        public int MissedSlots { get; set; }

        /// <summary>Days until the TLS certificate expires (negative when expired); empty for http or when unknown.</summary>
        public int? CertificateDaysLeft { get; set; }

        public bool InMaintenance { get; set; }

        /// <summary>The whole check's wall time (attempts, retry pauses, probes), for the lag advice.</summary>
        internal double WallTimeMs { get; set; }

        public override string ToString() => $"{State} {Url} ({(Error.Length > 0 ? Error : StatusCode?.ToString() ?? "")})";
    }
}
