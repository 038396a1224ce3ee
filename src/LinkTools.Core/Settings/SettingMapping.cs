using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Docs;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Model.Settings;
using D = LinkTools.Model.Settings.SettingDescriptions;

namespace LinkTools.Core.Settings
{
    /// <summary>
    /// Settings objects from what a front end was given: the one place that knows which described setting feeds which
    /// property, shared by the cmdlets and the CLI. The objects check each value as they are built (an
    /// <see cref="ArgumentException"/> naming the setting), so what these return is valid.
    /// </summary>
    public static class SettingMapping
    {
        /// <summary>
        /// <paramref name="options"/> (what the front end read its own way: headers, credentials, certificate, proxy) with
        /// the described transport settings, and the crawl's pacing and body cap when the command takes them.
        /// </summary>
        public static EngineOptions Engine(ISettingSource source, IReadOnlyList<SettingDescription> command, EngineOptions options)
        {
            options = options with
            {
                ThrottleLimit = Int(source, D.ThrottleLimit),
                MaxConcurrencyPerHost = Int(source, D.MaxConcurrencyPerHost),
                Timeout = TimeSpan.FromSeconds(Int(source, D.TimeoutSec)),
                MaximumRedirection = Int(source, D.MaximumRedirection),
                MaximumRetryCount = Int(source, D.MaximumRetryCount),
                RetryInterval = TimeSpan.FromSeconds(Int(source, D.RetryIntervalSec)),
                UserAgent = (string)source.Value(D.UserAgent)!,
                SkipCertificateCheck = Switch(source, D.SkipCertificateCheck),
                ExcludePrivateAddresses = Switch(source, D.ExcludePrivateAddresses),
            };
            if (Takes(command, D.DelaySec)) options = options with { DelayPerHost = TimeSpan.FromSeconds(Convert.ToDouble(source.Value(D.DelaySec), CultureInfo.InvariantCulture)) };
            if (Takes(command, D.MaxPageBytes)) options = options with { MaxBodyBytes = Convert.ToInt64(source.Value(D.MaxPageBytes), CultureInfo.InvariantCulture) };
            return options;
        }

        /// <summary>How the command's checks judge an answer: -Method when it takes one, and -AcceptStatusCode.</summary>
        public static CheckPolicy Checks(ISettingSource source, IReadOnlyList<SettingDescription> command) => new CheckPolicy
        {
            Method = Takes(command, D.Method) ? (CheckMethod)source.Value(D.Method)! : CheckPolicy.Default.Method,
            AcceptStatusCodes = (int[]?)source.Value(D.AcceptStatusCode) ?? Array.Empty<int>(),
        };

        /// <summary>A crawl's settings; the front end adds what it reads its own way (the start and sitemap URLs, the cache file, CI) with <c>with</c>.</summary>
        public static CrawlSettings Crawl(ISettingSource source, EngineOptions engine) => new CrawlSettings
        {
            Engine = engine,
            Checks = Checks(source, D.Crawl),
            MaxDepth = Int(source, D.Depth),
            MaxPages = Int(source, D.MaxPages),
            Include = Strings(source, D.Include),
            Exclude = Strings(source, D.Exclude),
            StayUnderPath = Switch(source, D.StayUnderPath),
            IgnoreRobotsTxt = Switch(source, D.IgnoreRobotsTxt),
            DiscoverSitemap = Switch(source, D.DiscoverSitemap),
            ReportOrphans = Switch(source, D.ReportOrphans),
            IncludeAll = Switch(source, D.IncludeAll),
            IncludeSkipped = Switch(source, D.IncludeSkipped),
            CheckFragments = !Switch(source, D.SkipFragmentCheck),
            CheckExternalFragments = Switch(source, D.CheckExternalFragments),
        };

        /// <summary>
        /// A documentation folder check's settings over the crawl's shared ones; the front end adds the paths and the root
        /// folder, resolved its own way.
        /// </summary>
        public static DocsSettings Docs(ISettingSource source, CrawlSettings crawl)
        {
            var docs = new DocsSettings
            {
                Crawl = crawl,
                IgnorePathCase = Switch(source, D.IgnorePathCase),
                SlugStyle = (SlugStyle)source.Value(D.SlugStyle)!,
                Offline = Switch(source, D.Offline),
            };
            if (Strings(source, D.IndexFile) is { Length: > 0 } names)
            {
                docs.IndexFiles.Clear();
                foreach (var name in names) docs.IndexFiles.Add(name);
            }

            return docs;
        }

        /// <summary>
        /// The e-mail notifier's settings when an SMTP server is given, else null; the front end checks that a sender and
        /// recipients came with it and adds the login, read its own way.
        /// </summary>
        public static SmtpSettings? Smtp(ISettingSource source)
        {
            if (source.Value(D.SmtpServer) is not string server) return null;
            var smtp = new SmtpSettings { Server = server, Port = Int(source, D.SmtpPort), UseSsl = Switch(source, D.UseSsl), From = (string?)source.Value(D.From) ?? "" };
            foreach (var to in Strings(source, D.To)) smtp.To.Add(to);
            return smtp;
        }

        /// <summary><paramref name="settings"/> (what the front end read its own way: engine, files, notifiers) with the watch's described settings.</summary>
        public static WatchSettings Watch(ISettingSource source, WatchSettings settings) => settings with
        {
            Once = Switch(source, D.Once),
            PassThru = Switch(source, D.PassThru),
            Interval = TimeSpan.FromSeconds(Int(source, D.IntervalSec)),
            Count = source.Value(D.Count) is int count ? count : (int?)null,
            Duration = (TimeSpan?)source.Value(D.Duration),
            NotifyBatch = (TimeSpan)source.Value(D.NotifyBatch)!,
            NotifierTimeout = TimeSpan.FromSeconds(Int(source, D.NotificationTimeoutSec)),
            Checks = settings.Checks with
            {
                Answers = Checks(source, D.Watch),
                Retry = Int(source, D.Retry),
                MinCertificateDays = Int(source, D.MinCertificateDays),
                MaxResponseTime = source.Value(D.MaxResponseTimeMs) is int ms ? TimeSpan.FromMilliseconds(ms) : settings.Checks.MaxResponseTime,
            },
            States = settings.States with
            {
                FailureThreshold = Int(source, D.FailureThreshold),
                SuccessThreshold = Int(source, D.SuccessThreshold),
            },
        };

        private static bool Takes(IReadOnlyList<SettingDescription> command, SettingDescription setting) => command.Any(d => d.Parameter == setting.Parameter);

        private static int Int(ISettingSource source, SettingDescription setting) => Convert.ToInt32(source.Value(setting), CultureInfo.InvariantCulture);

        private static bool Switch(ISettingSource source, SettingDescription setting) => source.Value(setting) is true;

        private static string[] Strings(ISettingSource source, SettingDescription setting) => (string[]?)source.Value(setting) ?? Array.Empty<string>();
    }
}
