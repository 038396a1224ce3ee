using System;
using System.Collections.Generic;

namespace LinkTools.Model.Settings
{
    /// <summary>
    /// The cmdlet parameters and command-line options that are no <see cref="SettingDescription"/>, each with why not:
    /// input rather than a setting, a value no description can hold (a credential, a scriptblock, a hashtable, a URL), a
    /// front end's own way of showing or ending a run, or a value each front end reads its own way. The contract tests
    /// hold every parameter and option to <see cref="SettingDescriptions"/> or to these lists, so a new one is either
    /// described or named here with its reason.
    /// </summary>
    public static class UndescribedSettings
    {
        private const string Files = "A file or folder each front end resolves its own way (PowerShell provider paths and -WhatIf; the CLI's working folder) and reads or writes itself.";
        private const string Site = "One site's own value, bound per pipeline object (CSV columns on the command line) and checked by WatchSiteInput.";

        /// <summary>Cmdlet parameters, by name, that are no described setting.</summary>
        public static IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Uri"] = "Input: the URLs to check, crawl or watch.",
            ["InputObject"] = "Input: the pipeline object (a URL line for Test-Link, a result for Export-LinkReport).",
            ["Path"] = "Input: URL list files, documentation folders, or the report to write. " + Files,
            ["LiteralPath"] = "Input, as -Path without wildcards. " + Files,
            ["Demo"] = "Input: the built-in demo site instead of URLs.",
            ["Headers"] = "A hashtable in PowerShell, 'Name: value' lines on the command line: one value in two shapes, checked by EngineOptions (RequestHeaderRules).",
            ["HostHeaders"] = "A hashtable of hashtables in PowerShell, 'host: Name: value' lines on the command line, checked by EngineOptions.",
            ["Credential"] = "A PSCredential: no description can hold it, and the command line takes none.",
            ["ProxyCredential"] = "A PSCredential: no description can hold it, and the command line takes none.",
            ["SmtpCredential"] = "A PSCredential (the command line reads --smtp-user and LINKTOOLS_SMTP_PASSWORD).",
            ["UseDefaultCredentials"] = "Authenticates as the current PowerShell user (Windows integrated authentication); the command line has no such identity to offer.",
            ["Certificate"] = "An X509Certificate object: no description can hold it, and the command line takes none.",
            ["Proxy"] = "A URL, bound as [Uri] in PowerShell and checked as an absolute URL on the command line; it has no bounds or default.",
            ["RootPath"] = Files,
            ["CachePath"] = Files,
            ["Baseline"] = Files,
            ["SuppressionPath"] = Files,
            ["Quiet"] = "Test-Link's -Quiet returns one Boolean, the command line's --quiet hides the progress line: each front end's way of showing a run.",
            ["Name"] = Site,
            ["ExpectContent"] = Site,
            ["ExpectStatus"] = Site,
            ["MaintenanceWindow"] = Site,
            ["Condition"] = "A scriptblock run on the pipeline thread: PowerShell only.",
            ["OnStateChange"] = "Scriptblocks run on the pipeline thread: PowerShell only.",
            ["CanaryUri"] = "A URL, bound as [Uri] in PowerShell and checked as an absolute http or https URL on the command line; it has no bounds or default.",
            ["ReminderInterval"] = "A TimeSpan in PowerShell but whole minutes on the command line (--reminder-interval-min), a unit SettingUnit has not; under 5 minutes is taken as 5 with a warning, not refused.",
            ["WebhookUrl"] = "URLs holding secrets, checked as absolute http or https URLs and never echoed; no bounds or default.",
            ["StatePath"] = Files,
            ["HistoryPath"] = Files,
            ["FailOn"] = "How the command ends after the run (a terminating error in PowerShell, exit code 1 on the command line), not a setting of the watch.",
            ["PassThru"] = "Export-LinkReport's: writes the report file's object to the pipeline (Watch-Website's -PassThru is described).",
            ["Format"] = "Export-LinkReport's report format; the command line's --report-format belongs to check and crawl: the report is written by another command in each front end.",
            ["NoClobber"] = "PowerShell's file convention (as Export-Csv); the command line replaces a report whole.",
            ["Force"] = "PowerShell's file convention (as Export-Csv); the command line replaces a report whole.",
            ["Title"] = "Export-LinkReport's report title; the command line titles a report with the command it ran.",
            ["CiSummary"] = "Export-LinkReport's in PowerShell, check's and crawl's on the command line: the report is written by another command in each front end.",
            ["Since"] = "Get-WebsiteUptime's window: a point in time, with no bounds or default.",
            ["Until"] = "Get-WebsiteUptime's window: a point in time, with no bounds or default.",
        };

        /// <summary>Command-line options, by name, that are no described setting.</summary>
        public static IReadOnlyDictionary<string, string> Options { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--input-file"] = "Input: a URL list or site list file.",
            ["--demo"] = "Input: the built-in demo site instead of URLs.",
            ["--serve"] = "`linktools demo`'s: serves the demo site until stopped instead of checking it.",
            ["--format"] = "How the command line prints results (PowerShell writes objects).",
            ["--verbose"] = "PowerShell's -Verbose common parameter.",
            ["--quiet"] = "Hides the progress line: the command line's way of showing a run (Test-Link's -Quiet returns one Boolean).",
            ["--header"] = "'Name: value' lines, -Headers' hashtable in PowerShell: one value in two shapes, checked by EngineOptions (RequestHeaderRules).",
            ["--host-header"] = "'host: Name: value' lines, -HostHeaders' hashtable of hashtables in PowerShell, checked by EngineOptions.",
            ["--proxy"] = "A URL checked as an absolute URL (-Proxy, an [Uri] in PowerShell); it has no bounds or default.",
            ["--cache"] = Files,
            ["--baseline"] = Files,
            ["--suppressions"] = Files,
            ["--ci-summary"] = "Export-LinkReport's -CiSummary in PowerShell: the report is written by another command in each front end.",
            ["--report"] = "The report file; PowerShell pipes results to Export-LinkReport -Path. " + Files,
            ["--report-format"] = "Export-LinkReport -Format in PowerShell: the report is written by another command in each front end.",
            ["--root-path"] = Files,
            ["--expect-content"] = Site,
            ["--expect-status"] = Site,
            ["--maintenance-window"] = Site,
            ["--canary-uri"] = "A URL checked as an absolute http or https URL (-CanaryUri, an [Uri] in PowerShell); it has no bounds or default.",
            ["--reminder-interval-min"] = "Whole minutes here, a TimeSpan in PowerShell (-ReminderInterval), a unit SettingUnit has not; under 5 minutes is taken as 5.",
            ["--webhook-url"] = "URLs holding secrets, checked as absolute http or https URLs and never echoed; no bounds or default.",
            ["--smtp-user"] = "The SMTP login, its password read from LINKTOOLS_SMTP_PASSWORD (-SmtpCredential, a PSCredential, in PowerShell).",
            ["--state-path"] = Files,
            ["--history-path"] = Files,
            ["--fail-on"] = "How the command ends after the run (exit code 1; a terminating error in PowerShell), not a setting of the watch.",
            ["--since"] = "`linktools uptime`'s window: a point in time, with no bounds or default.",
            ["--until"] = "`linktools uptime`'s window: a point in time, with no bounds or default.",
        };
    }
}
