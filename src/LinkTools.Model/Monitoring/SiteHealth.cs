namespace LinkTools.Model.Monitoring
{
    /// <summary>The health of a watched site, observed by one check or confirmed over several.</summary>
    public enum SiteHealth
    {
        /// <summary>Not known: not checked yet, or the monitor's own network was down (the canary failed too).</summary>
        Unknown,
        Up,
        /// <summary>Answering, but slower than allowed or with a certificate about to expire.</summary>
        Degraded,
        Down,
        /// <summary>Inside a maintenance window: checked, but nothing alerts and the time is left out of uptime.</summary>
        Maintenance,
    }
}
