using System;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Settings
{
    /// <summary>
    /// The values a front end was given for the described settings (a cmdlet's bound parameters, a parsed command
    /// line), so <see cref="SettingMapping"/> turns them into settings objects once for both.
    /// </summary>
    public interface ISettingSource
    {
        /// <summary>
        /// The value given, or the command's default: an int, long, double, int[] or string[] (empty when none), bool,
        /// enum or string as <see cref="SettingDescription.Type"/> says, a TimeSpan for a duration; null for an optional
        /// setting left unset.
        /// </summary>
        object? Value(SettingDescription setting);

        /// <summary>True when the user gave the setting (as opposed to its default).</summary>
        bool IsGiven(SettingDescription setting);
    }
}
