using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Monitoring
{
    /// <summary>One site to watch, with its own expectations where the input gave them.</summary>
    public sealed class WatchSite
    {
        public WatchSite(Uri uri, string? name = null)
        {
            Uri = uri;
            Name = string.IsNullOrWhiteSpace(name) ? DefaultName(uri) : name!;
            Key = string.IsNullOrEmpty(uri.UserInfo) ? uri.AbsoluteUri : UrlText.Redact(uri) + "#user-" + ShortHash(uri.UserInfo);
        }

        public Uri Uri { get; }

        public string Name { get; }

        /// <summary>
        /// The key the site's state is kept under, in memory and in the state file: the redacted URL, plus a hash of
        /// any user info so two logins to one URL stay apart without the password ever being written down.
        /// </summary>
        public string Key { get; }

        public StatusRanges ExpectStatus { get; set; } = StatusRanges.Default;

        /// <summary>A pattern the body must match; when set the check uses GET and reads the body.</summary>
        public Regex? ExpectContent { get; set; }

        /// <summary>Host (and port) plus path, without user info or query: several sites on one host stay apart in tables, alerts and reports.</summary>
        private static string DefaultName(Uri uri) => uri.AbsolutePath == "/" ? uri.Authority : uri.Authority + uri.AbsolutePath;

        private static string ShortHash(string text)
        {
            using var sha = SHA256.Create();
            var hash = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            return BitConverter.ToString(hash, 0, 8).Replace("-", "").ToLowerInvariant();
        }

        public IReadOnlyList<MaintenanceWindow> MaintenanceWindows { get; set; } = Array.Empty<MaintenanceWindow>();
    }
}
