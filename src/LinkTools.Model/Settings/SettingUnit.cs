namespace LinkTools.Model.Settings
{
    /// <summary>What a setting's number counts, so help writes its bounds as a reader expects them.</summary>
    public enum SettingUnit
    {
        /// <summary>A plain number (a count, a code, milliseconds: the name says which).</summary>
        Number,

        /// <summary>Bytes, written as KB, MB or GB when whole.</summary>
        Bytes,

        /// <summary>
        /// A duration in seconds: a TimeSpan parameter in PowerShell, whole seconds on the command line (the option's
        /// name ends in -sec).
        /// </summary>
        Seconds,
    }
}
