using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.States;

namespace LinkTools.Core.Monitoring
{
    /// <summary>One site to watch, with its own expectations where the input gave them.</summary>
    public sealed class WatchSite
    {
        public WatchSite(Uri uri, string? name = null)
        {
            Uri = uri;
            Name = string.IsNullOrWhiteSpace(name) ? uri.Host : name!;
        }

        public Uri Uri { get; }

        public string Name { get; }

        /// <summary>The key the site's state is kept under (its URL, user info included so it stays unique but never printed).</summary>
        public string Key => Uri.AbsoluteUri;

        public StatusRanges ExpectStatus { get; set; } = StatusRanges.Default;

        /// <summary>A pattern the body must match; when set the check uses GET and reads the body.</summary>
        public Regex? ExpectContent { get; set; }

        public IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; set; } = Array.Empty<MaintenanceWindow>();
    }
}
