namespace LinkTools.Core.Checking
{
    /// <summary>The class of failure behind a Broken, Unverifiable or Skipped verdict.</summary>
    public enum FailureKind
    {
        None,
        Http,
        Timeout,
        Dns,
        Connect,
        Tls,
        RedirectLoop,
        TooManyRedirects,
        UnsupportedScheme,
        BotProtection,
        RateLimited,
        InvalidUrl,
        Cancelled,
        Internal,
        /// <summary>Not requested: the host resolves to a private address and private addresses are excluded.</summary>
        PrivateAddress,
        /// <summary>The page exists but has no element with the id (or a name) the link's fragment names.</summary>
        MissingFragment,
        /// <summary>Not checked because robots.txt disallows it, or -Include/-Exclude leave it out.</summary>
        Excluded,
    }
}
