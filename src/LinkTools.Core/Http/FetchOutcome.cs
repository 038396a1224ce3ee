using System;
using System.Collections.Generic;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>What one fetch (all its attempts and redirect hops) ended with.</summary>
    public sealed class FetchOutcome
    {
        /// <summary>The last URL requested: the end of the redirect chain.</summary>
        public Uri FinalUri { get; internal set; } = null!;

        /// <summary>Every URL requested, in order, starting with the one asked for.</summary>
        public IReadOnlyList<Uri> RedirectChain { get; internal set; } = Array.Empty<Uri>();

        public int RedirectCount => Math.Max(0, RedirectChain.Count - 1);

        public string Method { get; internal set; } = "GET";

        /// <summary>The final status code, or null when no response arrived.</summary>
        public int? StatusCode { get; internal set; }

        /// <summary>None when a response arrived; otherwise why it did not.</summary>
        public FailureKind Failure { get; internal set; }

        /// <summary>A sentence saying what happened, for people.</summary>
        public string Reason { get; internal set; } = "";

        public string? ContentType { get; internal set; }

        public string? Charset { get; internal set; }

        /// <summary>The body, when asked for and the response succeeded; at most the engine's byte cap.</summary>
        public byte[]? Body { get; internal set; }

        public bool BodyTruncated { get; internal set; }

        /// <summary>The page's ETag and Last-Modified, when a page fetch asked for them and the 2xx answer had them.</summary>
        public PageValidators? Validators { get; internal set; }

        /// <summary>Set when a bot wall answered (for example Cloudflare's cf-mitigated header).</summary>
        public bool BotChallenge { get; internal set; }

        /// <summary>The wait the server asked for with Retry-After, if any.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>True when the server asked for a longer wait than the engine will sit out.</summary>
        public bool RetryAfterExceeded { get; internal set; }

        public int Attempts { get; internal set; }

        public TimeSpan Elapsed { get; internal set; }

        internal bool IsTransient { get; set; }

        /// <summary>Where a 3xx points, for the redirect stage to check and follow; null otherwise.</summary>
        internal Uri? RedirectTo { get; set; }

        /// <summary>Marks the outcome failed: no answer worth keeping, and no body.</summary>
        internal FetchOutcome Fail(FailureKind kind, string reason, bool transient)
        {
            Failure = kind;
            Reason = Text.ConsoleText.WithoutControls(reason); // may quote the server (an invalid status line)
            IsTransient = transient;
            Body = null;
            return this;
        }
    }
}
