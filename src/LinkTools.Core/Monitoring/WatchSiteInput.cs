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
        private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

        public static bool TryCreate(string? url, string? name, string? expectContent, string? expectStatus, IEnumerable<string>? maintenanceWindows, out WatchSite site, out string error)
        {
            site = null!;
            if (!UrlInput.TryParse(url, out var uri, out error)) return false;
            if (!StatusRanges.TryParse(expectStatus, out var ranges, out error)) return false;

            Regex? content = null;
            if (!string.IsNullOrEmpty(expectContent))
            {
                try
                {
                    content = new Regex(expectContent, RegexOptions.CultureInvariant, RegexTimeout);
                }
                catch (ArgumentException ex)
                {
                    error = $"The -ExpectContent pattern '{expectContent}' for {UrlText.Redact(uri)} is not a valid regular expression: {ex.Message}";
                    return false;
                }
            }

            var windows = new List<MaintenanceWindow>();
            foreach (var text in maintenanceWindows ?? Array.Empty<string>())
            {
                if (string.IsNullOrWhiteSpace(text)) continue;
                if (!MaintenanceWindow.TryParse(text, out var window, out error)) return false;
                windows.Add(window);
            }

            site = new WatchSite(uri, name) { ExpectStatus = ranges, ExpectContent = content, MaintenanceWindows = windows };
            error = "";
            return true;
        }
    }
}
