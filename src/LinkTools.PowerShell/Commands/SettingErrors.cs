using System;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Turns the engine's refusal of a setting (an ArgumentException naming the setting) into a message that names
    /// the cmdlet parameter it came from, such as -DelaySec for DelayPerHost.
    /// </summary>
    internal static class SettingErrors
    {
        /// <summary>The parameter behind an engine setting name (its description's, or the name itself); null when the error names no setting.</summary>
        internal static string? ParameterFor(string? setting) =>
            string.IsNullOrEmpty(setting) ? null : SettingDescriptions.ForSetting(setting!)?.Parameter ?? setting;

        /// <summary>The error's message with the parameter in place of the setting: "-DelaySec must be ...".</summary>
        internal static string Message(ArgumentException error)
        {
            string? setting = error.ParamName;
            string? parameter = ParameterFor(setting);
            string message = LinkTools.Core.Settings.SettingValidation.MessageOf(error);
            if (parameter == null) return message;
            return message.StartsWith(setting + " ", StringComparison.Ordinal) || message.StartsWith(setting + ":", StringComparison.Ordinal)
                ? "-" + parameter + message.Substring(setting!.Length)
                : "-" + parameter + ": " + message;
        }
    }
}
