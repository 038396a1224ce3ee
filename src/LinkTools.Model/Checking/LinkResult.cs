using System;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Model.Checking
{
    /// <summary>The check of one URL. Flat, so Export-Csv and JSON writers keep every column.</summary>
    public sealed class LinkResult
    {
        public string Url { get; set; } = "";
        public string FinalUrl { get; set; } = "";
        public LinkStatus Status { get; set; }
        public bool IsBroken => Status == LinkStatus.Broken;
        public int? StatusCode { get; set; }
        public FailureKind FailureKind { get; set; }
        public string Reason { get; set; } = "";
        public string Method { get; set; } = "";
        public long ElapsedMs { get; set; }
        public int RedirectCount { get; set; }
        /// <summary>Every hop after the first, joined with " -> "; empty when the URL did not redirect.</summary>
        public string RedirectChain { get; set; } = "";
        public string? ContentType { get; set; }
        public DateTimeOffset CheckedAt { get; set; }
        public int Attempts { get; set; }
        /// <summary>True when the result was read from the result cache (-CachePath) instead of a request; Attempts is then 0.</summary>
        public bool FromCache { get; set; }
        /// <summary>New, StillBroken or Fixed against the baseline a run was given; None without one.</summary>
        public BaselineState BaselineState { get; set; }

        public override string ToString() => $"{Status} {Url} ({Reason})";
    }
}
