using System;
using System.Collections.Generic;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Turns the engine's refusal of a setting (an ArgumentException naming the setting) into a message that names
    /// the cmdlet parameter it came from, such as -DelaySec for DelayPerHost.
    /// </summary>
    internal static class SettingErrors
    {
        /// <summary>Engine setting names that differ from the parameter that sets them; the others are spelled alike.</summary>
        private static readonly Dictionary<string, string> Parameters = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Timeout"] = "TimeoutSec",
            ["RetryInterval"] = "RetryIntervalSec",
            ["DelayPerHost"] = "DelaySec",
            ["MaxBodyBytes"] = "MaxPageBytes",
            ["AcceptStatusCodes"] = "AcceptStatusCode",
            ["MaxDepth"] = "Depth",
            ["Interval"] = "IntervalSec",
            ["NotifierTimeout"] = "NotificationTimeoutSec",
            ["MaxResponseTime"] = "MaxResponseTimeMs",
        };

        /// <summary>The parameter behind an engine setting name; null when the error names no setting.</summary>
        internal static string? ParameterFor(string? setting) =>
            string.IsNullOrEmpty(setting) ? null : Parameters.TryGetValue(setting!, out var parameter) ? parameter : setting;

        /// <summary>The error's message with the parameter in place of the setting: "-DelaySec must be ...".</summary>
        internal static string Message(ArgumentException error)
        {
            string? setting = error.ParamName;
            string? parameter = ParameterFor(setting);
            string message = LinkTools.Core.Settings.SettingChecks.MessageOf(error);
            if (parameter == null) return message;
            return message.StartsWith(setting + " ", StringComparison.Ordinal) || message.StartsWith(setting + ":", StringComparison.Ordinal)
                ? "-" + parameter + message.Substring(setting!.Length)
                : "-" + parameter + ": " + message;
        }
    }
}
