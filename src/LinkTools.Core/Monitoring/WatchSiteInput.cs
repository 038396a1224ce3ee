using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Monitoring
{
    /// <summary>Builds a <see cref="WatchSite"/> from what a user typed or a CSV row gave, with a sentence naming what was wrong.</summary>
    public static class WatchSiteInput
    {
        /// <summary>The setting names TryCreate reports as wrong; each front end spells them its own way (-ExpectStatus, --expect-status).</summary>
        public const string UrlSetting = "Uri";
        public const string ExpectContentSetting = "ExpectContent";
        public const string ExpectStatusSetting = "ExpectStatus";
        public const string MaintenanceWindowSetting = "MaintenanceWindow";

        private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

        public static bool TryCreate(string? url, string? name, string? expectContent, string? expectStatus, IEnumerable<string>? maintenanceWindows, out WatchSite site, out string error) =>
            TryCreate(url, name, expectContent, expectStatus, maintenanceWindows, out site, out error, out _);

        /// <summary>As <see cref="TryCreate(string?, string?, string?, string?, IEnumerable{string}?, out WatchSite, out string)"/>, also naming the setting that was wrong.</summary>
        public static bool TryCreate(string? url, string? name, string? expectContent, string? expectStatus, IEnumerable<string>? maintenanceWindows, out WatchSite site, out string error, out string setting)
        {
            site = null!;
            setting = UrlSetting;
            if (!UrlInput.TryParse(url, out var uri, out error)) return false;
            if (!TryParseExpectations(expectContent, expectStatus, maintenanceWindows, out var ranges, out var content, out var windows, out error, out setting))
            {
                error = $"{error} ({UrlText.Redact(uri)})";
                return false;
            }

            site = new WatchSite(uri, name) { ExpectStatus = ranges, ExpectContent = content, MaintenanceWindows = windows };
            return true;
        }

        /// <summary>
        /// Checks expectations that will apply to every site (given once, on the command line) before any site
        /// arrives, so bad setup ends a run before its first check.
        /// </summary>
        public static bool TryValidateExpectations(string? expectContent, string? expectStatus, IEnumerable<string>? maintenanceWindows, out string error, out string setting) =>
            TryParseExpectations(expectContent, expectStatus, maintenanceWindows, out _, out _, out _, out error, out setting);

        private static bool TryParseExpectations(string? expectContent, string? expectStatus, IEnumerable<string>? maintenanceWindows, out StatusRanges ranges, out Regex? content, out List<MaintenanceWindow> windows, out string error, out string setting)
        {
            content = null;
            windows = new List<MaintenanceWindow>();
            setting = ExpectStatusSetting;
            if (!StatusRanges.TryParse(expectStatus, out ranges, out error)) return false;

            if (!string.IsNullOrEmpty(expectContent))
            {
                try
                {
                    content = new Regex(expectContent, RegexOptions.CultureInvariant, RegexTimeout);
                }
                catch (ArgumentException ex)
                {
                    setting = ExpectContentSetting;
                    error = $"The pattern '{expectContent}' is not a valid regular expression: {ex.Message}";
                    return false;
                }
            }

            setting = MaintenanceWindowSetting;
            foreach (var text in maintenanceWindows ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (!MaintenanceWindow.TryParse(text, out var window, out error)) return false;
                windows.Add(window);
            }

            setting = "";
            error = "";
            return true;
        }
    }
}
