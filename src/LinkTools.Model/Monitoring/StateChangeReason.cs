namespace LinkTools.Model.Monitoring
{
    /// <summary>Why a state-change event was written.</summary>
    public enum StateChangeReason
    {
        /// <summary>The first check of the site: its state when the watch started.</summary>
        Initial,
        Down,
        Recovered,
        Degraded,
        /// <summary>The site is still Down after the reminder interval.</summary>
        Reminder,
        CertificateWarning,
    }
}
