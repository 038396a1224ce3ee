using System.CommandLine;
using LinkTools.Cli.Output;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Docs;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;
using LinkTools.Model.Crawling;
using LinkTools.Model.Settings;

namespace LinkTools.Cli.Commands;

/// <summary>`linktools crawl`: Invoke-SiteCrawl for the command line.</summary>
internal static class CrawlCommand
{
    public static Command Create()
    {
        var url = new Argument<string[]>("url") { Description = "The start URL; or documentation folders and files (Markdown, HTML) to check instead of a site.", Arity = ArgumentArity.ZeroOrMore };
        var demo = new Option<bool>("--demo") { Description = "Crawl the built-in demo site (served on 127.0.0.1; known broken links)." };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request and the crawl's progress notes to stderr." };
        var rootPath = new Option<string?>("--root-path") { Description = "Folder root-relative links resolve against and none may leave (default: the folder given)." };
        var quiet = ProgressLine.QuietOption();
        var format = FormatOption.Create();
        var engine = new EngineOptionSet(SettingDescriptions.Crawl);
        var report = new ReportOptionSet();
        var cache = new CacheOptionSet();

        var command = new Command("crawl", "Crawl a site (or check a documentation folder) concurrently and report its broken links with the page or file that holds each; exit code 1 when any is broken.");
        command.Arguments.Add(url);
        foreach (var option in new Option[] { demo, verbose, quiet, rootPath, format })
        {
            command.Options.Add(option);
        }

        engine.AddTo(command);
        report.AddTo(command);
        cache.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            var options = engine.Build(parse, out var error);
            if (options == null) return Task.FromResult(Fail(error!));
            var reportRequest = report.Read(parse, out var reportError);
            if (reportError != null) return Task.FromResult(Fail(reportError));

            var targets = parse.GetValue(url) ?? [];
            using var site = parse.GetValue(demo) ? DemoSite.Start() : null;
            Uri? start = null;
            if (site != null)
            {
                Console.Error.WriteLine($"Demo site on {site.BaseUri} (partner site {site.PartnerUri})");
                start = site.BaseUri;
                options = engine.ApplyDemoSettings(parse, options);
            }
            else if (targets.Length == 0)
            {
                return Task.FromResult(Fail("No start URL or folder given (or use --demo)."));
            }
            else if (!targets.All(IsPath))
            {
                if (targets.Length > 1) return Task.FromResult(Fail("Give one start URL, or documentation folders and files."));
                if (!UrlInput.TryParse(targets[0], out start, out var urlError)) return Task.FromResult(Fail(urlError));
            }

            var given = engine.Settings.Read(parse);
            Uri? sitemapUri = null;
            if (given.Value(SettingDescriptions.Sitemap) is string sitemapText && !UrlInput.TryParse(sitemapText, out sitemapUri, out var sitemapError))
            {
                return Task.FromResult(Fail("--sitemap: " + sitemapError));
            }

            var settings = SettingOptionSet.TryBuild(() => SettingMapping.Crawl(given, options) with
            {
                StartUrl = start!,
                Ci = LinkTools.Core.Ci.CiAnnotations.Detect(),
                Cache = cache.Read(parse, given),
                Sitemap = sitemapUri,
            }, out var settingError);
            if (settings == null) return Task.FromResult(Fail(settingError!));

            if (start == null)
            {
                var docs = SettingMapping.Docs(given, settings);
                docs.RootPath = parse.GetValue(rootPath);
                foreach (var target in targets) docs.Paths.Add(Path.GetFullPath(target));

                if (docs.RootPath != null && !Directory.Exists(docs.RootPath)) return Task.FromResult(Fail($"--root-path '{docs.RootPath}' is not a folder."));
                return Task.FromResult(RunDocs(docs, parse.GetValue(format), parse.GetValue(verbose), cancellationToken, reportRequest, parse.GetValue(quiet)));
            }

            return Task.FromResult(Run(settings, parse.GetValue(format), parse.GetValue(verbose), cancellationToken, reportRequest, parse.GetValue(quiet)));
        });
        return command;
    }

    /// <summary>A target without a scheme ("docs", "./README.md", "C:\wiki") is a file or folder, not a URL.</summary>
    private static bool IsPath(string target) => !target.Contains("://", StringComparison.Ordinal) && !target.StartsWith("http:", StringComparison.OrdinalIgnoreCase) && !target.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Checks a documentation folder; exit code 2 when a path given could not be read, else as a crawl.</summary>
    internal static int RunDocs(DocsSettings settings, OutputFormat format, bool verbose, CancellationToken cancellationToken, ReportRequest? report = null, bool quiet = true)
    {
        int badInputs = 0;
        int exit = Run(sink => new DocsCheckOperation(settings, sink), operation =>
        {
            var summary = operation.Run();
            badInputs = operation.BadInputs;
            return summary;
        }, "linktools crawl " + string.Join(" ", settings.Paths), format, verbose, cancellationToken, report, quiet);
        return exit is ExitCodes.Ok or ExitCodes.Broken && badInputs > 0 ? ExitCodes.Usage : exit;
    }

    internal static int Run(CrawlSettings settings, OutputFormat format, bool verbose, CancellationToken cancellationToken, ReportRequest? report = null, bool quiet = true) =>
        Run(sink => new SiteCrawlOperation(settings, sink), operation => operation.Run(), "linktools crawl " + UrlText.Redact(settings.StartUrl), format, verbose, cancellationToken, report, quiet);

    /// <summary>Runs a crawl or a documentation check to the console (and a report); returns the exit code.</summary>
    private static int Run<TOperation>(Func<LinkTools.Core.Pipeline.IPipelineSink, TOperation> create, Func<TOperation, CrawlSummary> run, string title,
        OutputFormat format, bool verbose, CancellationToken cancellationToken, ReportRequest? report, bool quiet)
        where TOperation : LinkTools.Core.Pipeline.PipelineOperation
    {
        using var sink = new ConsoleSink(ResultWriter.For(format, Console.Out), Console.Error, verbose, ProgressLine.ForStandardError(quiet));
        var reporting = report == null ? null : new ReportingSink(sink);
        TOperation operation;
        try
        {
            operation = create((LinkTools.Core.Pipeline.IPipelineSink?)reporting ?? sink);
        }
        catch (ArgumentException ex)
        {
            // Settings the operation refuses (a pattern that is not a regular expression, a value out of range) are usage errors.
            return Fail(SettingValidation.MessageOf(ex));
        }

        using var owned = operation;
        using var registration = cancellationToken.Register(operation.Stop);
        var summary = run(operation);
        if (operation.IsStopping) return ExitCodes.Cancelled;
        // The report holds what the console got: the broken links, or every link with --include-all.
        if (reporting != null && !reporting.TryWriteReport(report!, title, Console.Error)) return ExitCodes.Usage;
        return summary.Broken > 0 ? ExitCodes.Broken : ExitCodes.Ok;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("linktools: " + message);
        return ExitCodes.Usage;
    }
}
