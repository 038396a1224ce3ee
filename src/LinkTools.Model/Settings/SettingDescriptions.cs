using System;
using System.Collections.Generic;
using System.Linq;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Model.Http;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;

namespace LinkTools.Model.Settings
{
    /// <summary>
    /// Every setting both front ends take, each described once (one line each): Invoke-SiteCrawl's -MaxPages and
    /// `linktools crawl --max-pages` get their bounds, default and help from <see cref="MaxPages"/>, and so does
    /// CrawlSettings' validation. <see cref="Check"/>, <see cref="Crawl"/> and <see cref="Watch"/> list what each command
    /// takes; the contract tests hold every cmdlet parameter and CLI option to these lists.
    /// </summary>
    public static class SettingDescriptions
    {
        // The connection settings every command shares.
        public static readonly SettingDescription ThrottleLimit = new("ThrottleLimit", "--throttle-limit", typeof(int), EngineLimits.ThrottleLimitMin, EngineLimits.ThrottleLimitMax, 50, "The most requests in flight at once, across all hosts, {range} (default {default}). Raise it for long URL lists on many hosts; the per-host limit still protects each server.");
        public static readonly SettingDescription MaxConcurrencyPerHost = new("MaxConcurrencyPerHost", "--max-concurrency-per-host", typeof(int), EngineLimits.MaxConcurrencyPerHostMin, EngineLimits.MaxConcurrencyPerHostMax, 10, "The most requests in flight at once to one host (host and port), {range} (default {default}). Lower it for fragile or rate-limited servers.");
        public static readonly SettingDescription TimeoutSec = new("TimeoutSec", "--timeout-sec", typeof(int), EngineLimits.TimeoutSecMin, EngineLimits.TimeoutSecMax, 20, "Seconds one attempt may take in all, {range}: connecting, TLS, redirects and any body read. A link that runs out of time is Broken with FailureKind Timeout.", setting: "Timeout");
        public static readonly SettingDescription MaximumRedirection = new("MaximumRedirection", "--maximum-redirection", typeof(int), EngineLimits.MaximumRedirectionMin, EngineLimits.MaximumRedirectionMax, 10, "The most redirects followed for one link, {range} (default {default}). More than this makes the link Broken with FailureKind TooManyRedirects; with 0, any redirect counts as broken.");
        public static readonly SettingDescription MaximumRetryCount = new("MaximumRetryCount", "--maximum-retry-count", typeof(int), EngineLimits.MaximumRetryCountMin, EngineLimits.MaximumRetryCountMax, 2, "The most retries of one link, {range}, for transient failures only (timeouts, dropped connections, 408, 429 and 5xx other than 501 and 505). A 404 is never retried. A server error on a host that answers other requests gets one prompt retry (a few hundred milliseconds later, on a new connection); a host failing most requests is paused and probed, and its links retried once it answers.");
        public static readonly SettingDescription RetryIntervalSec = new("RetryIntervalSec", "--retry-interval-sec", typeof(int), EngineLimits.RetryIntervalSecMin, EngineLimits.RetryIntervalSecMax, 1, "The longest wait before the first retry, in seconds, {range}; each further retry may wait twice as long. Server errors and dropped connections are retried sooner (about 250 ms), rate limits (429) wait the full interval, and a server's Retry-After header takes precedence (up to 60 s).", setting: "RetryInterval");
        public static readonly SettingDescription AcceptStatusCode = new("AcceptStatusCode", "--accept-status-code", typeof(int[]), EngineLimits.StatusCodeMin, EngineLimits.StatusCodeMax, null, "HTTP status codes ({range}) counted as not broken, for example 429 or 999 for sites that answer checkers that way. A link that answers one of them is Ok.", setting: "AcceptStatusCodes");
        public static readonly SettingDescription UserAgent = new("UserAgent", "--user-agent", typeof(string), 0, 0, "LinkTools/" + typeof(SettingDescription).Assembly.GetName().Version!.ToString(3) + " (link checker; PowerShell module)", "The User-Agent header sent with every request. The default names LinkTools and its version.");
        public static readonly SettingDescription SkipCertificateCheck = new("SkipCertificateCheck", "--skip-certificate-check", typeof(bool), 0, 0, false, "Accepts invalid or self-signed server certificates. Use it for test servers only: certificate errors are then not reported as Broken.");
        public static readonly SettingDescription ExcludePrivateAddresses = new("ExcludePrivateAddresses", "--exclude-private-addresses", typeof(bool), 0, 0, false, "Refuse hosts resolving to loopback, link-local, private or unique-local addresses (untrusted content in CI).");
        public static readonly SettingDescription Method = new("Method", "--method", typeof(CheckMethod), 0, 0, CheckMethod.Auto, "How links are requested. Auto (the default) sends HEAD and confirms any failure with GET; Head and Get use only that method. Pages that are crawled are always fetched with GET.");

        // The crawl's.
        public static readonly SettingDescription DelaySec = new("DelaySec", "--delay-sec", typeof(double), EngineLimits.DelaySecMin, EngineLimits.DelaySecMax, 0d, "Seconds between the starts of two requests to the same host, {range} (default {default}: no delay beyond robots.txt Crawl-delay).", setting: "DelayPerHost");
        public static readonly SettingDescription MaxPageBytes = new("MaxPageBytes", "--max-page-bytes", typeof(long), EngineLimits.MaxBodyBytesMin, EngineLimits.MaxBodyBytesMax, 10L * 1024 * 1024, "Most bytes of a page read for parsing, from {range} (default {default}); links past it are not seen.", setting: "MaxBodyBytes", unit: SettingUnit.Bytes);
        public static readonly SettingDescription Depth = new("Depth", "--depth", typeof(int), CrawlLimits.DepthMin, CrawlLimits.DepthMax, CrawlLimits.NoDepthLimit, "Link hops from the start page to the deepest page crawled, {range} (0: only the start page is parsed), or -1 for no limit (the default). Links on the deepest pages are still checked.", setting: "MaxDepth", noLimit: CrawlLimits.NoDepthLimit);
        public static readonly SettingDescription MaxPages = new("MaxPages", "--max-pages", typeof(int), CrawlLimits.MaxPagesMin, CrawlLimits.MaxPagesMax, 50000, "Most pages fetched and parsed per start URL, {range} (default {default}). Past it, links are still checked but no more pages are crawled, and a warning says so.");
        public static readonly SettingDescription Include = new("Include", "--include", typeof(string[]), 0, 0, null, "Regular expressions matched against the whole URL; when given, only matching URLs are checked and crawled. The others are Skipped with FailureKind Excluded.");
        public static readonly SettingDescription Exclude = new("Exclude", "--exclude", typeof(string[]), 0, 0, null, "Regular expressions matched against the whole URL; matching URLs are not requested and are Skipped with FailureKind Excluded.");
        public static readonly SettingDescription StayUnderPath = new("StayUnderPath", "--stay-under-path", typeof(bool), 0, 0, false, "Crawls only pages below the start URL's folder; links to other pages are still checked, not crawled.");
        public static readonly SettingDescription IgnoreRobotsTxt = new("IgnoreRobotsTxt", "--ignore-robots-txt", typeof(bool), 0, 0, false, "Does not read robots.txt: crawls pages it disallows and ignores its Crawl-delay. Use it for your own site.");
        public static readonly SettingDescription DiscoverSitemap = new("DiscoverSitemap", "--discover-sitemap", typeof(bool), 0, 0, false, "Seeds the crawl from the sitemaps the start origin's robots.txt lists (Sitemap: lines), or from /sitemap.xml when it lists none.");
        public static readonly SettingDescription ReportOrphans = new("ReportOrphans", "--report-orphans", typeof(bool), 0, 0, false, "Also writes OrphanPage objects: NotLinked (in the sitemap, linked from no crawled page) and NotInSitemap (crawled, missing from the sitemap). Needs {-Sitemap} or {-DiscoverSitemap}.");
        public static readonly SettingDescription IncludeAll = new("IncludeAll", "--include-all", typeof(bool), 0, 0, false, "Writes every checked link, not only the broken ones.");
        public static readonly SettingDescription IncludeSkipped = new("IncludeSkipped", "--include-skipped", typeof(bool), 0, 0, false, "Also writes links that were not checked (mailto:, tel:, javascript:, data:, excluded, robots.txt).");
        public static readonly SettingDescription SkipFragmentCheck = new("SkipFragmentCheck", "--skip-fragment-check", typeof(bool), 0, 0, false, "Does not check \"page#id\" links against the ids in the page, so no link is MissingFragment.");
        public static readonly SettingDescription CheckExternalFragments = new("CheckExternalFragments", "--check-external-fragments", typeof(bool), 0, 0, false, "Also checks \"page#id\" links to pages outside the crawl: each such page is fetched once with GET (up to {-MaxPageBytes}) instead of HEAD and read for its ids. Off by default: those fragments are not checked.");
        public static readonly SettingDescription Sitemap = new("Sitemap", "--sitemap", typeof(string), 0, 0, null, "The URL of a sitemap (or sitemap index, gzipped or not) whose pages seed the crawl beside the start URL.");

        // A documentation folder's (the crawl's -Path).
        public static readonly SettingDescription IndexFile = new("IndexFile", "--index-file", typeof(string[]), 0, 0, null, "The files a link to a folder stands for, tried in order (default index.html, index.md, README.md).");
        public static readonly SettingDescription IgnorePathCase = new("IgnorePathCase", "--ignore-path-case", typeof(bool), 0, 0, false, "Matches file and folder names in local links ignoring case, as Windows and macOS do. By default names must match exactly, as on the Linux server most sites are published from.");
        public static readonly SettingDescription SlugStyle = new("SlugStyle", "--slug-style", typeof(Crawling.SlugStyle), 0, 0, Crawling.SlugStyle.GitHub, "How Markdown headings become the anchors that \"#fragment\" links name: GitHub (the default; each space becomes '-') or AzureDevOps (a run of spaces and hyphens becomes one '-').");
        public static readonly SettingDescription Offline = new("Offline", "--offline", typeof(bool), 0, 0, false, "Requests nothing: remote links in the files are Skipped with FailureKind Offline (written with {-IncludeSkipped}), so the check runs with no network.");

        // The result cache's (Test-Link and the crawl).
        public static readonly SettingDescription MaxCacheAge = new("MaxCacheAge", "--max-cache-age-sec", typeof(TimeSpan), CacheLimits.MaxAgeSecMin, CacheLimits.MaxAgeSecMax, CacheLimits.DefaultMaxAgeSec, "How long a cached Ok or Redirected result is believed, {range} (default {default}, one day); 0 checks every link again (and still saves the results).", unit: SettingUnit.Seconds);

        // The watch's.
        public static readonly SettingDescription IntervalSec = new("IntervalSec", "--interval-sec", typeof(int), WatchLimits.IntervalSecMin, WatchLimits.IntervalSecMax, WatchDefaults.IntervalSec, "Seconds between the starts of two checks of the same site, {range} (default {default}).", setting: "Interval");
        public static readonly SettingDescription Retry = new("Retry", "--retry", typeof(int), WatchLimits.RetryMin, WatchLimits.RetryMax, WatchDefaults.Retry, "Extra attempts inside one check that confirm a failure, {range} (default {default}). Unlike {-MaximumRetryCount}, any failure is retried (a 404, a content mismatch), {-RetryIntervalSec} apart (default 2 here). Every attempt is recorded in Attempts and AttemptLog.");
        public static readonly SettingDescription FailureThreshold = new("FailureThreshold", "--failure-threshold", typeof(int), WatchLimits.FailureThresholdMin, WatchLimits.FailureThresholdMax, WatchDefaults.FailureThreshold, "Failed checks in a row before a site is confirmed Down (or Degraded), {range} (default {default}).");
        public static readonly SettingDescription SuccessThreshold = new("SuccessThreshold", "--success-threshold", typeof(int), WatchLimits.SuccessThresholdMin, WatchLimits.SuccessThresholdMax, WatchDefaults.SuccessThreshold, "Good checks in a row before a site that was Down or Degraded is confirmed Up again, {range} (default {default}).");
        public static readonly SettingDescription MaxResponseTimeMs = new("MaxResponseTimeMs", "--max-response-time-ms", typeof(int), WatchLimits.MaxResponseTimeMsMin, WatchLimits.MaxResponseTimeMsMax, null, "A response slower than this many milliseconds makes the check Degraded, {range}. No limit by default.", setting: "MaxResponseTime");
        public static readonly SettingDescription MinCertificateDays = new("MinCertificateDays", "--min-certificate-days", typeof(int), WatchLimits.MinCertificateDaysMin, WatchLimits.MinCertificateDaysMax, WatchDefaults.MinCertificateDays, "A TLS certificate that expires within this many days makes the check Degraded, {range} (default {default}; 0 turns the probe off). The certificate is read with a separate handshake at most once an hour per host.");
        public static readonly SettingDescription NotifyBatch = new("NotifyBatch", "--notify-batch-sec", typeof(TimeSpan), WatchLimits.NotifyBatchSecMin, WatchLimits.NotifyBatchSecMax, WatchDefaults.NotifyBatchSec, "Changes that land within this window are notified together in one call, {range} (default {default}: each change on its own).", unit: SettingUnit.Seconds);
        public static readonly SettingDescription NotificationTimeoutSec = new("NotificationTimeoutSec", "--notification-timeout-sec", typeof(int), WatchLimits.NotificationTimeoutSecMin, WatchLimits.NotificationTimeoutSecMax, WatchDefaults.NotificationTimeoutSec, "How long one notification (a scriptblock, a webhook post, an email) may take, retries included, {range} seconds (default {default}).", setting: "NotifierTimeout");
        public static readonly SettingDescription WebhookFormat = new("WebhookFormat", "--webhook-format", typeof(Monitoring.Notifications.WebhookFormat), 0, 0, WatchDefaults.WebhookFormat, "The webhook payload: Json (the default; the summary and every SiteStateChange field), Teams (an Adaptive Card for a Teams Workflows webhook) or Slack (an incoming-webhook text message).");
        public static readonly SettingDescription SmtpServer = new("SmtpServer", "--smtp-server", typeof(string), 0, 0, null, "The SMTP server that sends an email for each alerted change. Needs {-From} and {-To}.");
        public static readonly SettingDescription SmtpPort = new("SmtpPort", "--smtp-port", typeof(int), WatchLimits.SmtpPortMin, WatchLimits.SmtpPortMax, WatchDefaults.SmtpPort, "The SMTP server port, {range} (default {default}).");
        public static readonly SettingDescription UseSsl = new("UseSsl", "--use-ssl", typeof(bool), 0, 0, false, "Connects to the SMTP server with TLS.");
        public static readonly SettingDescription From = new("From", "--from", typeof(string), 0, 0, null, "The sender address of alert emails.");
        public static readonly SettingDescription To = new("To", "--to", typeof(string[]), 0, 0, null, "The recipient addresses of alert emails.");
        public static readonly SettingDescription Count = new("Count", "--count", typeof(int), WatchLimits.CountMin, WatchLimits.CountMax, null, "Checks per site, at least {min}, then the command ends. Forever by default.");
        public static readonly SettingDescription Once = new("Once", "--once", typeof(bool), 0, 0, false, "One round of all sites at once, compared with the state the previous run saved in {-StatePath}. Not with {-Count} or {-Duration}.");
        public static readonly SettingDescription PassThru = new("PassThru", "--pass-thru", typeof(bool), 0, 0, false, "Also writes a SiteCheckResult for every check, not only the state changes.");
        public static readonly SettingDescription Duration = new("Duration", "--duration-sec", typeof(TimeSpan), WatchLimits.DurationSecMin, WatchLimits.DurationSecMax, null, "How long to watch, at least {min}, then the command ends. Ignored with {-Once}.", unit: SettingUnit.Seconds);

        // The watch's own defaults for three engine settings; their help leaves the default to Get-Help's and --help's own line.

        /// <summary>A watch waits longer for an answer than a link check does.</summary>
        public static readonly SettingDescription WatchTimeoutSec = TimeoutSec.WithDefault(WatchDefaults.TimeoutSec);

        /// <summary>A watch leaves transient retries to -Retry, so every attempt is in the log.</summary>
        public static readonly SettingDescription WatchMaximumRetryCount = MaximumRetryCount.WithDefault(WatchDefaults.MaximumRetryCount);

        /// <summary>The pause between -Retry attempts.</summary>
        public static readonly SettingDescription WatchRetryIntervalSec = RetryIntervalSec.WithDefault(WatchDefaults.RetryIntervalSec);

        private static readonly SettingDescription[] Engine = { ThrottleLimit, MaxConcurrencyPerHost, TimeoutSec, MaximumRedirection, MaximumRetryCount, RetryIntervalSec, AcceptStatusCode, UserAgent, SkipCertificateCheck, ExcludePrivateAddresses };

        /// <summary>What Test-Link and `linktools check` take.</summary>
        public static IReadOnlyList<SettingDescription> Check { get; } = Engine.Concat(new[] { Method, MaxCacheAge }).ToArray();

        /// <summary>What Invoke-SiteCrawl and `linktools crawl` take.</summary>
        public static IReadOnlyList<SettingDescription> Crawl { get; } = Engine.Concat(new[]
        {
            Method, MaxCacheAge, DelaySec, MaxPageBytes, Depth, MaxPages, Include, Exclude, StayUnderPath, IgnoreRobotsTxt, DiscoverSitemap,
            ReportOrphans, IncludeAll, IncludeSkipped, SkipFragmentCheck, CheckExternalFragments, Sitemap, IndexFile, IgnorePathCase, SlugStyle, Offline,
        }).ToArray();

        /// <summary>What Watch-Website and `linktools watch` take.</summary>
        public static IReadOnlyList<SettingDescription> Watch { get; } = new[]
        {
            ThrottleLimit, MaxConcurrencyPerHost, WatchTimeoutSec, MaximumRedirection, WatchMaximumRetryCount, WatchRetryIntervalSec, AcceptStatusCode,
            UserAgent, SkipCertificateCheck, ExcludePrivateAddresses, Once, PassThru,
            IntervalSec, Retry, FailureThreshold, SuccessThreshold, MaxResponseTimeMs, MinCertificateDays, NotifyBatch, NotificationTimeoutSec, WebhookFormat, SmtpServer, SmtpPort, UseSsl, From, To, Count, Duration,
        };

        /// <summary>Every setting once (the command defaults aside).</summary>
        public static IReadOnlyList<SettingDescription> All { get; } = Check.Concat(Crawl).Concat(Watch).GroupBy(d => d.Parameter).Select(g => g.First()).ToArray();

        /// <summary>The setting whose cmdlet parameter is <paramref name="parameter"/>; throws when there is none (a typo in a <c>[Setting]</c>).</summary>
        public static SettingDescription Named(string parameter) =>
            All.FirstOrDefault(d => d.Parameter == parameter) ?? throw new ArgumentException($"No setting is described as '{parameter}'.", nameof(parameter));

        /// <summary>The setting a settings object's property holds (Timeout: TimeoutSec); null when none does.</summary>
        public static SettingDescription? ForSetting(string setting) => All.FirstOrDefault(d => d.Setting == setting);
    }
}
