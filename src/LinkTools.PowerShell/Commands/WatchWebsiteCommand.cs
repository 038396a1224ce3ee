using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Operations;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.Model.Settings;
using LinkTools.PowerShell.Monitoring;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Watches websites on a fixed-rate schedule over the shared engine and writes a SiteStateChange for each
    /// confirmed transition (and, with -PassThru, every SiteCheckResult). Sites are collected from the pipeline;
    /// the watch runs once input has ended, until -Count, -Duration, -Once or Ctrl+C.
    /// </summary>
    /// <remarks>
    /// <para>Watch-Website checks each site on a fixed-rate schedule (every -IntervalSec seconds, first checks spread
    /// over the interval, no drift) and decides its health: Up, Degraded, Down, Unknown or Maintenance. A check is Down
    /// when the status is outside -ExpectStatus (default: below 400), on a DNS, connection or TLS failure, with no answer
    /// within -TimeoutSec (default 30 here), when the body does not match -ExpectContent, or when -Condition returns
    /// false. It is Degraded when slower than -MaxResponseTimeMs or when the certificate expires within
    /// -MinCertificateDays. Checks use HEAD, or GET when HEAD is refused or the body is needed.</para>
    /// <para>To avoid false alarms, -Retry extra attempts inside a check confirm a failure, and a site becomes Down only
    /// after -FailureThreshold failed checks in a row (Up again after -SuccessThreshold). With -CanaryUri, a failure
    /// while the canary fails too is Unknown and alerts nobody. Inside a -MaintenanceWindow checks go on, alerts are
    /// held and the time is left out of uptime.</para>
    /// <para>Output is one SiteStateChange per confirmed change (the first check of each site reports its initial
    /// state); -PassThru adds every SiteCheckResult. Alerted changes run the -OnStateChange scriptblocks, post to
    /// -WebhookUrl (generic JSON, Teams or Slack) and send email through -SmtpServer. A failing notifier is a warning,
    /// never the end of the watch.</para>
    /// <para>Run modes: forever until Ctrl+C, -Count checks per site, -Duration, or -Once (one round of all sites,
    /// compared with the state the previous run saved in -StatePath) for Task Scheduler, cron and pipelines. -HistoryPath
    /// keeps one CSV row per check for Get-WebsiteUptime. -FailOn ends the command with a terminating error, after all
    /// output, when a site is Down (or Degraded). Under Azure DevOps and GitHub Actions each Down site is also logged
    /// as a pipeline error. A site that is down is data, not an error: error records are only for bad input, such as a
    /// URL that is not absolute http or https, or a bad ExpectStatus or MaintenanceWindow in a CSV row. Bad setup (a
    /// relative -WebhookUrl, a bad -ExpectStatus or -MaintenanceWindow on the command line, a folder as -StatePath,
    /// parameters that exclude each other) ends the command before any check. -WhatIf watches without writing
    /// -StatePath or -HistoryPath.</para>
    /// </remarks>
    [Cmdlet(VerbsCommon.Watch, "Website", SupportsShouldProcess = true, HelpUri = HelpLinks.Examples + "Watch-Website.md")]
    [OutputType(typeof(SiteStateChange))]
    [OutputType(typeof(SiteCheckResult))]
    public sealed class WatchWebsiteCommand : LinkCheckCmdletBase, IDisposable
    {
        private readonly EngineState _engine = new EngineState();

        /// <summary>The sites to watch: absolute http or https URLs. Accepts strings from the pipeline and objects with a Uri, Url, Href, Link or Address property, such as rows from Import-Csv. Sites are collected until input ends, then watched together.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Url", "Href", "Link", "Address")]
        [AllowEmptyString]
        public string[] Uri { get; set; } = null!;

        /// <summary>A display name for the site, used in output and notifications (a CSV's Name column binds here); when omitted, the host (and port) plus path, such as shop.example/cart, so sites on one host stay apart.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>A regular expression the body must match; the check then uses GET.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ExpectContent { get; set; }

        /// <summary>Acceptable status codes and ranges, such as '200-299,301'. Default: below 400.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ExpectStatus { get; set; }

        /// <summary>Weekly windows such as 'Sun 02:00 2h UTC' or 'Mon-Fri 22:30 90m Europe/Berlin': checks go on, alerts are held. The time zone is an IANA id (Europe/Berlin) or a Windows id (W. Europe Standard Time), on every platform; the local time zone when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? MaintenanceWindow { get; set; }

        [Parameter]
        [Setting(nameof(IntervalSec))]
        public int IntervalSec { get; set; } = SettingDescriptions.IntervalSec.IntDefault;

        [Parameter]
        [Setting(nameof(Retry))]
        public int Retry { get; set; } = SettingDescriptions.Retry.IntDefault;

        [Parameter]
        [Setting(nameof(FailureThreshold))]
        public int FailureThreshold { get; set; } = SettingDescriptions.FailureThreshold.IntDefault;

        [Parameter]
        [Setting(nameof(SuccessThreshold))]
        public int SuccessThreshold { get; set; } = SettingDescriptions.SuccessThreshold.IntDefault;

        [Parameter]
        [Setting(nameof(MaxResponseTimeMs))]
        public int MaxResponseTimeMs { get; set; }

        [Parameter]
        [Setting(nameof(MinCertificateDays))]
        public int MinCertificateDays { get; set; } = SettingDescriptions.MinCertificateDays.IntDefault;

        /// <summary>A scriptblock over each answered check, run on the pipeline thread with the SiteCheckResult as $_; returning false (or failing) makes the check Down with FailureKind Condition.</summary>
        [Parameter]
        public ScriptBlock? Condition { get; set; }

        /// <summary>A URL that should always answer; when it fails too, results are Unknown and nothing alerts.</summary>
        [Parameter]
        public Uri? CanaryUri { get; set; }

        /// <summary>While a site stays Down, a Reminder change at this interval, such as 00:30:00 (never more often than every 5 minutes). No reminders by default.</summary>
        [Parameter]
        public TimeSpan? ReminderInterval { get; set; }

        /// <summary>Scriptblocks run on the pipeline thread for each alerted change, with the SiteStateChange as $_ (an array when -NotifyBatch grouped several). Each is stopped after -NotificationTimeoutSec. What a block outputs goes on down the pipeline with the watch's own output (pipe a command to Out-Null inside the block to drop it); its warnings, verbose and information messages go to the same streams; a block that throws or writes an error is a warning naming the block, and the watch goes on.</summary>
        [Parameter]
        public ScriptBlock[]? OnStateChange { get; set; }

        [Parameter]
        [Setting(nameof(NotifyBatch))]
        public TimeSpan NotifyBatch { get; set; } = TimeSpan.FromSeconds(SettingDescriptions.NotifyBatch.IntDefault);

        [Parameter]
        [Setting(nameof(NotificationTimeoutSec))]
        public int NotificationTimeoutSec { get; set; } = SettingDescriptions.NotificationTimeoutSec.IntDefault;

        /// <summary>URLs to POST each alerted change to (with retries), in the shape -WebhookFormat names.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[]? WebhookUrl { get; set; }

        /// <summary>The webhook payload: Json (the default; the summary and every SiteStateChange field), Teams (an Adaptive Card for a Teams Workflows webhook) or Slack (an incoming-webhook text message).</summary>
        [Parameter]
        public WebhookFormat WebhookFormat { get; set; } = WatchDefaults.WebhookFormat;

        /// <summary>The SMTP server that sends an email for each alerted change. Needs -From and -To.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SmtpServer { get; set; }

        [Parameter]
        [Setting(nameof(SmtpPort))]
        public int SmtpPort { get; set; } = SettingDescriptions.SmtpPort.IntDefault;

        /// <summary>The sender address of alert emails.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>The recipient addresses of alert emails.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? To { get; set; }

        /// <summary>The SMTP login (-Credential is the sites' own, from the shared connection parameters).</summary>
        [Parameter]
        [Credential]
        public PSCredential? SmtpCredential { get; set; }

        /// <summary>Connects to the SMTP server with TLS.</summary>
        [Parameter]
        public SwitchParameter UseSsl { get; set; }

        [Parameter]
        [Setting(nameof(Count))]
        [PSDefaultValue(Help = "forever")]
        public int Count { get; set; }

        [Parameter]
        [Setting(nameof(Duration))]
        public TimeSpan? Duration { get; set; }

        /// <summary>One round of all sites at once, compared with the state the previous run saved in -StatePath. Not with -Count or -Duration.</summary>
        [Parameter]
        public SwitchParameter Once { get; set; }

        /// <summary>A JSON file that keeps each site's confirmed state between runs, written atomically and saved every minute in long runs. With -Once, changes are reported against it. A corrupt file is moved aside with a warning. -WhatIf (or a No to -Confirm) still reads it but never writes it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        /// <summary>A CSV file that gets one row per check (Get-WebsiteUptime reports over it). -WhatIf (or a No to -Confirm) watches without writing it.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>Also writes a SiteCheckResult for every check, not only the state changes.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>End with a terminating error, after all output, when a site is in this state (Degraded includes Down).</summary>
        [Parameter]
        [ValidateSet("Down", "Degraded")]
        public string? FailOn { get; set; }

        /// <summary>
        /// A watch waits longer for an answer than a link check does, leaves transient retries to -Retry (so every attempt
        /// is in the log), and pauses 2 s between -Retry attempts (the constants are compiled in: no engine type is loaded).
        /// </summary>
        public WatchWebsiteCommand()
        {
            TimeoutSec = SettingDescriptions.WatchTimeoutSec.IntDefault;
            MaximumRetryCount = SettingDescriptions.WatchMaximumRetryCount.IntDefault;
            RetryIntervalSec = SettingDescriptions.WatchRetryIntervalSec.IntDefault;
        }

        protected override void BeginProcessing()
        {
            foreach (var timed in new[] { nameof(Count), nameof(Duration) })
            {
                if (Once.IsPresent && MyInvocation.BoundParameters.ContainsKey(timed))
                {
                    ThrowConflict($"-Once and -{timed} cannot be used together: -Once runs one round of all sites.");
                }
            }

            var engine = BuildEngineOptions(SettingDescriptions.Watch);
            RefuseBadSiteSettings();
            string? statePath = StatePath == null ? null : GetUnresolvedProviderPathFromPSPath(StatePath);
            string? historyPath = HistoryPath == null ? null : GetUnresolvedProviderPathFromPSPath(HistoryPath);

            var settings = new WatchSettings
            {
                Engine = engine,
                Once = Once.IsPresent,
                StatePath = statePath,
                HistoryPath = historyPath,
                PassThru = PassThru.IsPresent,
                CanaryUri = CanaryUri,
                Ci = CiIntegration.DetectCi(),
                Condition = Condition == null ? null : ScriptCondition.From(Condition),
            };
            SettingMapping.Watch(new BoundSettings(this), settings);
            settings.States.ReminderInterval = ReminderInterval;
            if (ReminderInterval is TimeSpan asked && asked < Core.Monitoring.States.TrackerPolicy.MinimumReminderInterval)
            {
                WriteWarning($"-ReminderInterval {asked} is shorter than 5 minutes; reminders are sent every 5 minutes.");
            }

            foreach (var url in WebhookUrl ?? Array.Empty<Uri>())
            {
                // The site URL rule: absolute http or https. A relative URL would fail only when the first alert fires.
                if (!UrlInput.TryParseSecret(url.OriginalString, out var hook, out var hookError))
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-WebhookUrl: " + hookError), "InvalidWebhookUrl", ErrorCategory.InvalidArgument, UrlText.Secret(url.OriginalString)));
                }

                settings.Notifiers.Add(_engine.Own(new WebhookNotifier(hook, WebhookFormat)));
            }

            if (SmtpServer != null)
            {
                if (From == null || To == null)
                {
                    ThrowTerminatingError(new ErrorRecord(new ArgumentException("-SmtpServer needs -From and -To."), "SmtpIncomplete", ErrorCategory.InvalidArgument, SmtpServer));
                }

                var smtp = new SmtpSettings { Server = SmtpServer, Port = SmtpPort, UseSsl = UseSsl.IsPresent, From = From!, Credential = SmtpCredential?.GetNetworkCredential() };
                foreach (var to in To!) smtp.To.Add(to);
                try
                {
                    settings.Notifiers.Add(new EmailNotifier(smtp));
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "InvalidEmailAddress", ErrorCategory.InvalidArgument, SmtpServer));
                }
            }

            var handlers = OnStateChange ?? Array.Empty<ScriptBlock>();
            var callbacks = new ScriptBlockCallbacks(handlers, TimeSpan.FromSeconds(NotificationTimeoutSec));
            try
            {
                _engine.Hold(new WatchWebsiteOperation(settings, new CmdletSink(this), callbacks));
            }
            catch (ArgumentException ex)
            {
                ThrowInvalidSetting(ex);
            }

            // Asked after the settings passed, before any check: -WhatIf (or a No to -Confirm) reads the state but
            // writes neither file.
            if (statePath != null && !ShouldProcess(statePath, "Save the watch state")) settings.SaveState = false;
            if (historyPath != null && !ShouldProcess(historyPath, "Append one row per check to the history")) settings.HistoryPath = null;
        }

        /// <summary>
        /// Per-site settings given on the command line hold for every site, so a bad one is bad setup: it ends the
        /// command before any check. The same columns from a CSV row are that row's input (an error, the rest go on).
        /// </summary>
        private void RefuseBadSiteSettings()
        {
            if (WatchSiteInput.TryValidateExpectations(ExpectContent, ExpectStatus, MaintenanceWindow, out var error, out var setting)) return;
            MyInvocation.BoundParameters.TryGetValue(setting, out var value);
            ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-{setting}: {error}"), "InvalidSiteSetting", ErrorCategory.InvalidArgument, value));
        }

        protected override void ProcessRecord()
        {
            foreach (var url in Uri)
            {
                if (!WatchSiteInput.TryCreate(url, Name, ExpectContent, ExpectStatus, MaintenanceWindow, out var site, out var error, out var setting))
                {
                    string shown = setting == WatchSiteInput.UrlSetting ? error : $"-{setting}: {error}";
                    WriteError(new ErrorRecord(new ArgumentException(shown), "InvalidSite", ErrorCategory.InvalidArgument, url));
                    continue;
                }

                _engine.Held<WatchWebsiteOperation>().Add(site);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                var operation = _engine.Held<WatchWebsiteOperation>();
                operation.Run();
                if (FailOn != null && !operation.IsStopping) FailIfAny(operation);
            }
            finally
            {
                Cleanup();
            }
        }

        private void FailIfAny(WatchWebsiteOperation operation)
        {
            bool degradedCounts = FailOn == "Degraded";
            var failing = operation.ConfirmedStates
                .Where(s => s.Value == SiteHealth.Down || degradedCounts && s.Value == SiteHealth.Degraded)
                .Select(s => $"{s.Key} ({s.Value})")
                .ToArray();
            if (failing.Length == 0) return;
            var message = $"{failing.Length} site(s) are {FailOn}{(degradedCounts ? " or Down" : "")}: {string.Join(", ", failing)}";
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "SiteFailed", ErrorCategory.ResourceUnavailable, failing));
        }

        protected override void StopProcessing() => _engine.Stop();

        public void Dispose() => Cleanup();

        private void Cleanup() => _engine.Dispose();
    }
}
