namespace LinkTools.Model.Checking
{
    /// <summary>The verdict on one link.</summary>
    public enum LinkStatus
    {
        /// <summary>The link answered with an acceptable status.</summary>
        Ok,
        /// <summary>The link works but moved: it answered through one or more redirects.</summary>
        Redirected,
        /// <summary>The link is provably broken (4xx/5xx after confirmation, DNS, connect, TLS, timeout, redirect loop).</summary>
        Broken,
        /// <summary>The server would not let a bot tell (bot walls, rate limits that outlast retries).</summary>
        Unverifiable,
        /// <summary>The link was not checked.</summary>
        Skipped,
    }
}
