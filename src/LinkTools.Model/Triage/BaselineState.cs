namespace LinkTools.Model.Triage
{
    /// <summary>How a result compares with a baseline (a previous run's results). None when no baseline was given.</summary>
    public enum BaselineState
    {
        /// <summary>No baseline was given, or the link is fine now and was fine (or absent) before.</summary>
        None,

        /// <summary>Broken now, not broken in the baseline.</summary>
        New,

        /// <summary>Broken now and in the baseline.</summary>
        StillBroken,

        /// <summary>Broken in the baseline, not broken now.</summary>
        Fixed,
    }
}
