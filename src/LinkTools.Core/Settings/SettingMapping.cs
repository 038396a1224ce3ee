using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Model.Settings;
using D = LinkTools.Model.Settings.SettingDescriptions;

namespace LinkTools.Core.Settings
{
    /// <summary>
    /// Settings objects from what a front end was given: the one place that knows which described setting feeds which
    /// property, shared by the cmdlets and the CLI. The objects validate themselves when an operation takes them.
    /// </summary>
    public static class SettingMapping
    {
        /// <summary>The described engine settings (and the crawl's pacing and body cap, when the command takes them) onto <paramref name="options"/>.</summary>
        public static void Engine(ISettingSource source, IReadOnlyList<SettingDescription> command, EngineOptions options)
        {
            options.ThrottleLimit = Int(source, D.ThrottleLimit);
            options.MaxConcurrencyPerHost = Int(source, D.MaxConcurrencyPerHost);
            options.Timeout = TimeSpan.FromSeconds(Int(source, D.TimeoutSec));
            options.MaximumRedirection = Int(source, D.MaximumRedirection);
            options.MaximumRetryCount = Int(source, D.MaximumRetryCount);
            options.RetryInterval = TimeSpan.FromSeconds(Int(source, D.RetryIntervalSec));
            foreach (int code in (int[]?)source.Value(D.AcceptStatusCode) ?? Array.Empty<int>()) options.AcceptStatusCodes.Add(code);
            if (Takes(command, D.Method)) options.Method = (CheckMethod)source.Value(D.Method)!;
            if (Takes(command, D.DelaySec)) options.DelayPerHost = TimeSpan.FromSeconds(Convert.ToDouble(source.Value(D.DelaySec), CultureInfo.InvariantCulture));
            if (Takes(command, D.MaxPageBytes)) options.MaxBodyBytes = Convert.ToInt64(source.Value(D.MaxPageBytes), CultureInfo.InvariantCulture);
        }

        /// <summary>A crawl's settings; the front end adds what it reads its own way (the sitemap URL, the cache file, CI).</summary>
        public static CrawlSettings Crawl(ISettingSource source, EngineOptions engine)
        {
            var settings = new CrawlSettings
            {
                Engine = engine,
                MaxDepth = Int(source, D.Depth),
                MaxPages = Int(source, D.MaxPages),
                StayUnderPath = Switch(source, D.StayUnderPath),
                IgnoreRobotsTxt = Switch(source, D.IgnoreRobotsTxt),
                DiscoverSitemap = Switch(source, D.DiscoverSitemap),
                ReportOrphans = Switch(source, D.ReportOrphans),
                IncludeAll = Switch(source, D.IncludeAll),
                IncludeSkipped = Switch(source, D.IncludeSkipped),
                CheckFragments = !Switch(source, D.SkipFragmentCheck),
                CheckExternalFragments = Switch(source, D.CheckExternalFragments),
            };
            foreach (var pattern in Strings(source, D.Include)) settings.Include.Add(pattern);
            foreach (var pattern in Strings(source, D.Exclude)) settings.Exclude.Add(pattern);
            return settings;
        }

        /// <summary>A watch's described settings onto <paramref name="settings"/>; its engine comes from <see cref="Engine"/>.</summary>
        public static void Watch(ISettingSource source, WatchSettings settings)
        {
            settings.Interval = TimeSpan.FromSeconds(Int(source, D.IntervalSec));
            settings.Count = source.Value(D.Count) is int count ? count : (int?)null;
            settings.Duration = (TimeSpan?)source.Value(D.Duration);
            settings.NotifyBatch = (TimeSpan)source.Value(D.NotifyBatch)!;
            settings.NotifierTimeout = TimeSpan.FromSeconds(Int(source, D.NotificationTimeoutSec));
            settings.Checks.Retry = Int(source, D.Retry);
            settings.Checks.MinCertificateDays = Int(source, D.MinCertificateDays);
            if (source.Value(D.MaxResponseTimeMs) is int ms) settings.Checks.MaxResponseTime = TimeSpan.FromMilliseconds(ms);
            settings.States.FailureThreshold = Int(source, D.FailureThreshold);
            settings.States.SuccessThreshold = Int(source, D.SuccessThreshold);
        }

        private static bool Takes(IReadOnlyList<SettingDescription> command, SettingDescription setting) => command.Any(d => d.Parameter == setting.Parameter);

        private static int Int(ISettingSource source, SettingDescription setting) => Convert.ToInt32(source.Value(setting), CultureInfo.InvariantCulture);

        private static bool Switch(ISettingSource source, SettingDescription setting) => source.Value(setting) is true;

        private static IEnumerable<string> Strings(ISettingSource source, SettingDescription setting) => (string[]?)source.Value(setting) ?? Array.Empty<string>();
    }
}
