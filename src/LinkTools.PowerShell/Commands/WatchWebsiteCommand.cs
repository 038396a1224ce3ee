using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Operations;
using LinkTools.PowerShell.Monitoring;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Watches websites on a fixed-rate schedule over the shared engine and writes a SiteStateChange for each
    /// confirmed transition (and, with -PassThru, every SiteCheckResult). Sites are collected from the pipeline;
    /// the watch runs once input has ended, until -Count, -Duration, -Once or Ctrl+C.
    /// </summary>
    [Cmdlet(VerbsCommon.Watch, "Website")]
    [OutputType(typeof(SiteStateChange))]
    [OutputType(typeof(SiteCheckResult))]
    public sealed class WatchWebsiteCommand : LinkCheckCmdletBase, IDisposable
    {
        private WatchWebsiteOperation? _operation;
        private readonly List<IDisposable> _owned = new();

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("Url", "Href", "Link", "Address")]
        [AllowEmptyString]
        public string[] Uri { get; set; } = null!;

        /// <summary>A display name for the site (a CSV's Name column binds here); the host name when omitted.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? Name { get; set; }

        /// <summary>A regular expression the body must match; the check then uses GET.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ExpectContent { get; set; }

        /// <summary>Acceptable status codes and ranges, such as '200-299,301'. Default: below 400.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? ExpectStatus { get; set; }

        /// <summary>Weekly windows such as 'Sun 02:00 2h UTC' or 'Mon-Fri 22:30 90m Europe/Berlin': checks go on, alerts are held.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string[]? MaintenanceWindow { get; set; }

        [Parameter]
        [ValidateRange(1, 86400)]
        public int IntervalSec { get; set; } = WatchSettings.DefaultIntervalSec;

        /// <summary>Extra attempts inside one check that confirm a failure.</summary>
        [Parameter]
        [ValidateRange(0, 10)]
        public int Retry { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 100)]
        public int FailureThreshold { get; set; } = 2;

        [Parameter]
        [ValidateRange(1, 100)]
        public int SuccessThreshold { get; set; } = 1;

        [Parameter]
        [ValidateRange(1, 3600000)]
        public int MaxResponseTimeMs { get; set; }

        [Parameter]
        [ValidateRange(0, 3650)]
        public int MinCertificateDays { get; set; } = 14;

        /// <summary>A scriptblock over each answered check ($_ is the SiteCheckResult); false makes the check Down.</summary>
        [Parameter]
        public ScriptBlock? Condition { get; set; }

        /// <summary>A URL that should always answer; when it fails too, results are Unknown and nothing alerts.</summary>
        [Parameter]
        public Uri? CanaryUri { get; set; }

        /// <summary>While a site stays Down, a Reminder at this interval (never more often than 5 minutes).</summary>
        [Parameter]
        public TimeSpan? ReminderInterval { get; set; }

        /// <summary>Scriptblocks run on each alerted change, with the change (or the batch) as $_.</summary>
        [Parameter]
        public ScriptBlock[]? OnStateChange { get; set; }

        /// <summary>Changes that land within this window are notified together.</summary>
        [Parameter]
        public TimeSpan NotifyBatch { get; set; } = TimeSpan.Zero;

        /// <summary>How long one notification (a scriptblock, a webhook post, an email) may take.</summary>
        [Parameter]
        [ValidateRange(1, 600)]
        public int NotificationTimeoutSec { get; set; } = 30;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public Uri[]? WebhookUrl { get; set; }

        [Parameter]
        public WebhookFormat WebhookFormat { get; set; } = WebhookFormat.Json;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? SmtpServer { get; set; }

        [Parameter]
        [ValidateRange(1, 65535)]
        public int SmtpPort { get; set; } = 25;

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? To { get; set; }

        /// <summary>The SMTP login (-Credential is the sites' own, from the shared connection parameters).</summary>
        [Parameter]
        [Credential]
        public PSCredential? SmtpCredential { get; set; }

        [Parameter]
        public SwitchParameter UseSsl { get; set; }

        /// <summary>Checks per site, then the command ends.</summary>
        [Parameter]
        [ValidateRange(1, int.MaxValue)]
        public int Count { get; set; }

        [Parameter]
        public TimeSpan? Duration { get; set; }

        /// <summary>One round of all sites at once, compared with the state the previous run saved in -StatePath.</summary>
        [Parameter]
        public SwitchParameter Once { get; set; }

        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? StatePath { get; set; }

        /// <summary>A CSV file that gets one row per check (Get-WebsiteUptime reports over it).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        [Parameter]
        public SwitchParameter PassThru { get; set; }

        /// <summary>End with a terminating error, after all output, when a site is in this state (Degraded includes Down).</summary>
        [Parameter]
        [ValidateSet("Down", "Degraded")]
        public string? FailOn { get; set; }

        protected override void BeginProcessing()
        {
            var engine = BuildEngineOptions();
            if (!MyInvocation.BoundParameters.ContainsKey(nameof(TimeoutSec))) engine.Timeout = TimeSpan.FromSeconds(WatchSettings.DefaultTimeoutSec);

            var settings = new WatchSettings
            {
                Engine = engine,
                Interval = TimeSpan.FromSeconds(IntervalSec),
                Count = Count > 0 ? Count : (int?)null,
                Duration = Duration,
                Once = Once.IsPresent,
                StatePath = StatePath == null ? null : GetUnresolvedProviderPathFromPSPath(StatePath),
                HistoryPath = HistoryPath == null ? null : GetUnresolvedProviderPathFromPSPath(HistoryPath),
                PassThru = PassThru.IsPresent,
                CanaryUri = CanaryUri,
                NotifyBatch = NotifyBatch,
                NotifierTimeout = TimeSpan.FromSeconds(NotificationTimeoutSec),
                Ci = CiAnnotations.FromEnvironment(Environment.GetEnvironmentVariable),
                Condition = Condition == null ? null : ScriptCondition.From(Condition),
            };
            settings.Checks.Retry = Retry;
            settings.Checks.MinCertificateDays = MinCertificateDays;
            if (MaxResponseTimeMs > 0) settings.Checks.MaxResponseTime = TimeSpan.FromMilliseconds(MaxResponseTimeMs);
            settings.States.FailureThreshold = FailureThreshold;
            settings.States.SuccessThreshold = SuccessThreshold;
            settings.States.ReminderInterval = ReminderInterval;
            if (ReminderInterval is TimeSpan asked && asked < Core.Monitoring.States.TrackerPolicy.MinimumReminderInterval)
            {
                WriteWarning($"-ReminderInterval {asked} is shorter than 5 minutes; reminders are sent every 5 minutes.");
            }

            foreach (var url in WebhookUrl ?? Array.Empty<Uri>())
            {
                var webhook = new WebhookNotifier(url, WebhookFormat);
                _owned.Add(webhook);
                settings.Notifiers.Add(webhook);
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
            var callbacks = new ScriptBlockCallbacks(this, handlers, TimeSpan.FromSeconds(NotificationTimeoutSec));
            _operation = new WatchWebsiteOperation(settings, new CmdletSink(this), callbacks);
        }

        protected override void ProcessRecord()
        {
            foreach (var url in Uri)
            {
                if (!WatchSiteInput.TryCreate(url, Name, ExpectContent, ExpectStatus, MaintenanceWindow, out var site, out var error))
                {
                    WriteError(new ErrorRecord(new ArgumentException(error), "InvalidSite", ErrorCategory.InvalidArgument, url));
                    continue;
                }

                _operation!.Add(site);
            }
        }

        protected override void EndProcessing()
        {
            try
            {
                _operation!.Run();
                if (FailOn != null && !_operation.IsStopping) FailIfAny();
            }
            finally
            {
                Cleanup();
            }
        }

        private void FailIfAny()
        {
            bool degradedCounts = FailOn == "Degraded";
            var failing = _operation!.ConfirmedStates
                .Where(s => s.Value == SiteHealth.Down || degradedCounts && s.Value == SiteHealth.Degraded)
                .Select(s => $"{s.Key} ({s.Value})")
                .ToArray();
            if (failing.Length == 0) return;
            var message = $"{failing.Length} site(s) are {FailOn}{(degradedCounts ? " or Down" : "")}: {string.Join(", ", failing)}";
            ThrowTerminatingError(new ErrorRecord(new InvalidOperationException(message), "SiteFailed", ErrorCategory.ResourceUnavailable, failing));
        }

        protected override void StopProcessing() => _operation?.Stop();

        public void Dispose() => Cleanup();

        private void Cleanup()
        {
            _operation?.Dispose();
            _operation = null;
            foreach (var owned in _owned) owned.Dispose();
            _owned.Clear();
        }
    }
}
