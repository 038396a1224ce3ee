using System;
using System.Collections.Generic;
using System.Linq;

namespace LinkTools.Model.Settings
{
    /// <summary>
    /// The cmdlet parameters and command-line options that are no <see cref="SettingDescription"/>, each with why not:
    /// input rather than a setting, a value no description can hold (a credential, a scriptblock, a hashtable, a URL), a
    /// front end's own way of showing or ending a run, or a value each front end reads its own way. The contract tests
    /// hold every parameter and option to <see cref="SettingDescriptions"/> or to this list, so a new one is either
    /// described or named here with its reason.
    /// </summary>
    public static class UndescribedSettings
    {
        private const string Files = "A file or folder each front end resolves its own way (PowerShell provider paths and -WhatIf; the CLI's working folder) and reads or writes itself.";
        private const string Site = "One site's own value, bound per pipeline object (CSV columns on the command line) and checked by WatchSiteInput.";
        private const string Report = "The report is written by another command in each front end (Export-LinkReport in PowerShell; check and crawl on the command line).";
        private const string Window = "Get-WebsiteUptime's (`linktools uptime`'s) window: a point in time, with no bounds or default.";

        /// <summary>Each undescribed parameter and option, with why.</summary>
        public static IReadOnlyList<Entry> All { get; } = new Entry[]
        {
            new("Uri", null, "Input: the URLs to check, crawl or watch (arguments on the command line)."),
            new("InputObject", null, "Input: the pipeline object (a URL line for Test-Link, a result for Export-LinkReport)."),
            new("Path", "--input-file", "Input: URL or site list files, documentation folders, or the report to write. " + Files),
            new("LiteralPath", null, "Input, as -Path without wildcards. " + Files),
            new("Demo", "--demo", "Input: the built-in demo site instead of URLs."),
            new(null, "--serve", "`linktools demo`'s: serves the demo site until stopped instead of checking it."),
            new("Headers", "--header", "A hashtable in PowerShell, 'Name: value' lines on the command line: one value in two shapes, checked by EngineOptions (RequestHeaderRules)."),
            new("HostHeaders", "--host-header", "A hashtable of hashtables in PowerShell, 'host: Name: value' lines on the command line, checked by EngineOptions."),
            new("Credential", null, "A PSCredential: no description can hold it, and the command line takes none."),
            new("ProxyCredential", null, "A PSCredential: no description can hold it, and the command line takes none."),
            new("SmtpCredential", "--smtp-user", "A PSCredential in PowerShell; a login with its password in LINKTOOLS_SMTP_PASSWORD on the command line."),
            new("UseDefaultCredentials", null, "Authenticates as the current PowerShell user (Windows integrated authentication); the command line has no such identity to offer."),
            new("Certificate", null, "An X509Certificate object: no description can hold it, and the command line takes none."),
            new("Proxy", "--proxy", "A URL, bound as [Uri] in PowerShell and checked as an absolute URL on the command line; it has no bounds or default."),
            new("CanaryUri", "--canary-uri", "A URL, bound as [Uri] in PowerShell and checked as an absolute http or https URL on the command line; it has no bounds or default."),
            new("WebhookUrl", "--webhook-url", "URLs holding secrets, checked as absolute http or https URLs and never echoed; no bounds or default."),
            new("RootPath", "--root-path", Files),
            new("CachePath", "--cache", Files),
            new("Baseline", "--baseline", Files),
            new("SuppressionPath", "--suppressions", Files),
            new("StatePath", "--state-path", Files),
            new("HistoryPath", "--history-path", Files),
            new("Quiet", null, "Test-Link's -Quiet returns one Boolean: PowerShell's way of answering a gate (the command line has its exit code)."),
            new(null, "--quiet", "Hides the progress line: the command line's way of showing a run."),
            new(null, "--format", "How the command line prints results (PowerShell writes objects)."),
            new(null, "--verbose", "PowerShell's -Verbose common parameter."),
            new("Name", null, Site),
            new("ExpectContent", "--expect-content", Site),
            new("ExpectStatus", "--expect-status", Site),
            new("MaintenanceWindow", "--maintenance-window", Site),
            new("Condition", null, "A scriptblock run on the pipeline thread: PowerShell only."),
            new("OnStateChange", null, "Scriptblocks run on the pipeline thread: PowerShell only."),
            new("ReminderInterval", "--reminder-interval-min", "A TimeSpan in PowerShell but whole minutes on the command line, a unit SettingUnit has not; under 5 minutes is taken as 5 with a warning, not refused."),
            new("FailOn", "--fail-on", "How the command ends after the run (a terminating error in PowerShell, exit code 1 on the command line), not a setting of the watch."),
            new("PassThru", null, "Export-LinkReport's: writes the report file's object to the pipeline (Watch-Website's -PassThru is described)."),
            new("Format", "--report-format", "The report's format. " + Report),
            new(null, "--report", "The report file. " + Report),
            new("CiSummary", "--ci-summary", "Attaches a Markdown report to the CI run's summary. " + Report),
            new("Title", null, "Export-LinkReport's report title; the command line titles a report with the command it ran."),
            new("NoClobber", null, "PowerShell's file convention (as Export-Csv); the command line replaces a report whole."),
            new("Force", null, "PowerShell's file convention (as Export-Csv); the command line replaces a report whole."),
            new("Since", "--since", Window),
            new("Until", "--until", Window),
        };

        /// <summary>Cmdlet parameters, by name, that are no described setting.</summary>
        public static IReadOnlyDictionary<string, string> Parameters { get; } =
            All.Where(e => e.Parameter != null).ToDictionary(e => e.Parameter!, e => e.Reason, StringComparer.Ordinal);

        /// <summary>Command-line options, by name, that are no described setting.</summary>
        public static IReadOnlyDictionary<string, string> Options { get; } =
            All.Where(e => e.Option != null).ToDictionary(e => e.Option!, e => e.Reason, StringComparer.Ordinal);

        /// <summary>One parameter or option that is no setting, or the pair that is one value in both front ends.</summary>
        public sealed class Entry
        {
            public Entry(string? parameter, string? option, string reason)
            {
                Parameter = parameter;
                Option = option;
                Reason = reason;
            }

            /// <summary>The cmdlet parameter; null when the command line alone has it.</summary>
            public string? Parameter { get; }

            /// <summary>The command-line option; null when PowerShell alone has it.</summary>
            public string? Option { get; }

            public string Reason { get; }
        }
    }
}
