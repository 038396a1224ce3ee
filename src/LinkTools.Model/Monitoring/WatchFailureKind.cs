namespace LinkTools.Model.Monitoring
{
    /// <summary>Why a check was not Up.</summary>
    public enum WatchFailureKind
    {
        None,
        Dns,
        Connect,
        Tls,
        Timeout,
        /// <summary>The status code was not one of -ExpectStatus.</summary>
        Status,
        /// <summary>The body did not match -ExpectContent.</summary>
        Content,
        /// <summary>The -Condition predicate returned false or failed.</summary>
        Condition,
        /// <summary>The certificate expired or expires within -MinCertificateDays.</summary>
        Certificate,
        /// <summary>Slower than -MaxResponseTimeMs.</summary>
        Slow,
        Redirect,
        Other,
    }
}
