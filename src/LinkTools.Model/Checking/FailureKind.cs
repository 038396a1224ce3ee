namespace LinkTools.Model.Checking
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
        /// <summary>A local link (documentation folder) whose file or folder does not exist.</summary>
        MissingFile,
        /// <summary>A local link that climbs out of the root folder: refused, not looked up.</summary>
        OutsideRoot,
        /// <summary>A remote link in a documentation folder checked with -Offline: not requested.</summary>
        Offline,
    }
}
