using System.CommandLine;
using LinkTools.Cli.Output;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Operations;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.Model.Settings;

namespace LinkTools.Cli.Commands;

/// <summary>`linktools watch`: Watch-Website for the command line.</summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("url") { Description = "URLs to watch.", Arity = ArgumentArity.ZeroOrMore };
        var inputFile = new Option<FileInfo?>("--input-file", "-i") { Description = "A URL list (one a line) or a CSV with a Url column and optional Name, ExpectContent, ExpectStatus, MaintenanceWindow columns." };
        var expectContent = new Option<string?>("--expect-content") { Description = "A regular expression the body must match (the check then uses GET)." };
        var expectStatus = new Option<string?>("--expect-status") { Description = "Acceptable status codes and ranges, such as 200-299,301 (default: below 400)." };
        var maintenance = new Option<string[]>("--maintenance-window") { Description = "A weekly window such as 'Sun 02:00 2h UTC' (repeatable)." };
        var canary = new Option<string?>("--canary-uri") { Description = "A URL that should always answer; when it fails too, results are Unknown." };
        var reminder = new Option<int?>("--reminder-interval-min") { Description = "While a site stays Down, a reminder every this many minutes (at least 5)." };
        var webhook = new Option<string[]>("--webhook-url") { Description = "A webhook to post changes to (repeatable)." };
        var smtpUser = new Option<string?>("--smtp-user") { Description = "SMTP login; the password is read from LINKTOOLS_SMTP_PASSWORD." };
        var statePath = new Option<string?>("--state-path") { Description = "A JSON file that keeps state between runs." };
        var historyPath = new Option<string?>("--history-path") { Description = "A CSV file that gets one row per check." };
        var failOn = new Option<string?>("--fail-on") { Description = "Exit with code 1 when a site ends Down (or Degraded or Down)." };
        failOn.AcceptOnlyFromAmong("Down", "Degraded");
        var format = FormatOption.Create();
        var engine = new EngineOptionSet(SettingDescriptions.Watch);

        var command = new Command("watch", "Watch websites on a fixed-rate schedule and report confirmed state changes.");
        command.Arguments.Add(urls);
        foreach (var option in new Option[] { inputFile, expectContent, expectStatus, maintenance, canary, reminder, webhook, smtpUser, statePath, historyPath, failOn, format })
        {
            command.Options.Add(option);
        }

        engine.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            var options = engine.Build(parse, out var error);
            if (options == null) return Task.FromResult(Fail(error!));

            var given = engine.Settings.Read(parse);
            Uri? canaryUri = null;
            if (parse.GetValue(canary) is string canaryText && !UrlInput.TryParse(canaryText, out canaryUri, out var canaryError))
            {
                return Task.FromResult(Fail("--canary-uri: " + canaryError));
            }

            var notifiers = new List<IStateChangeNotifier>();
            var owned = new List<IDisposable>();
            foreach (var hook in parse.GetValue(webhook) ?? [])
            {
                // The site URL rule: absolute http or https. Anything else would fail only when the first alert fires.
                if (!UrlInput.TryParseSecret(hook, out var hookUri, out var hookError)) return Task.FromResult(Fail("--webhook-url: " + hookError));
                var notifier = new WebhookNotifier(hookUri, (WebhookFormat)given.Value(SettingDescriptions.WebhookFormat)!);
                owned.Add(notifier);
                notifiers.Add(notifier);
            }

            if (SettingMapping.Smtp(given) is SmtpSettings smtp)
            {
                if (smtp.From.Length == 0 || smtp.To.Count == 0) return Task.FromResult(Fail("--smtp-server needs --from and --to."));
                if (parse.GetValue(smtpUser) is string user) smtp.Credential = new System.Net.NetworkCredential(user, Environment.GetEnvironmentVariable("LINKTOOLS_SMTP_PASSWORD") ?? "");
                try
                {
                    notifiers.Add(new EmailNotifier(smtp));
                }
                catch (ArgumentException ex)
                {
                    return Task.FromResult(Fail(SettingValidation.MessageOf(ex)));
                }
            }

            var settings = SettingOptionSet.TryBuild(() => SettingMapping.Watch(given, new WatchSettings
            {
                Engine = options,
                StatePath = parse.GetValue(statePath),
                HistoryPath = parse.GetValue(historyPath),
                Ci = LinkTools.Core.Ci.CiAnnotations.Detect(),
                CanaryUri = canaryUri,
                Notifiers = notifiers,
                States = new LinkTools.Core.Monitoring.States.TrackerPolicy { ReminderInterval = parse.GetValue(reminder) is int minutes ? TimeSpan.FromMinutes(minutes) : null },
            }), out var settingError);
            if (settings == null)
            {
                foreach (var item in owned) item.Dispose();
                return Task.FromResult(Fail(settingError!));
            }

            var sites = new List<WatchSite>();
            var rows = new List<SiteRow>();
            rows.AddRange((parse.GetValue(urls) ?? []).Select(u => new SiteRow(u, null, null, null, null)));
            if (parse.GetValue(inputFile) is FileInfo file)
            {
                if (!SiteListFile.TryRead(file.FullName, rows, out var readError)) return Task.FromResult(Fail(readError));
            }

            if (rows.Count == 0) return Task.FromResult(Fail("No sites given: pass URLs as arguments or with --input-file."));
            foreach (var row in rows)
            {
                var windows = (row.MaintenanceWindow == null ? [] : new[] { row.MaintenanceWindow }).Concat(parse.GetValue(maintenance) ?? []);
                if (!WatchSiteInput.TryCreate(row.Url, row.Name, row.ExpectContent ?? parse.GetValue(expectContent), row.ExpectStatus ?? parse.GetValue(expectStatus), windows, out var site, out var siteError))
                {
                    return Task.FromResult(Fail(siteError));
                }

                sites.Add(site);
            }

            try
            {
                return Task.FromResult(Run(settings, sites, parse.GetValue(format), parse.GetValue(failOn), cancellationToken));
            }
            finally
            {
                foreach (var item in owned) item.Dispose();
            }
        });
        return command;
    }

    internal static int Run(WatchSettings settings, IEnumerable<WatchSite> sites, OutputFormat format, string? failOn, CancellationToken cancellationToken)
    {
        using var sink = new ConsoleSink(ResultWriter.For(format, Console.Out), Console.Error);
        using var operation = new WatchWebsiteOperation(settings, sink);
        using var registration = cancellationToken.Register(operation.Stop);
        foreach (var site in sites) operation.Add(site);
        operation.Run();
        if (operation.IsStopping) return ExitCodes.Cancelled;
        if (failOn != null)
        {
            bool degraded = failOn == "Degraded";
            var failing = operation.ConfirmedStates.Where(s => s.Value == SiteHealth.Down || degraded && s.Value == SiteHealth.Degraded).ToArray();
            if (failing.Length > 0)
            {
                Console.Error.WriteLine($"linktools: {failing.Length} site(s) are {failOn}{(degraded ? " or Down" : "")}: " + string.Join(", ", failing.Select(f => $"{f.Key} ({f.Value})")));
                return ExitCodes.Broken;
            }
        }

        return sink.ErrorCount > 0 ? ExitCodes.Usage : ExitCodes.Ok;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("linktools: " + message);
        return ExitCodes.Usage;
    }
}
