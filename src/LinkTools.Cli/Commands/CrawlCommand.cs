using System.CommandLine;
using LinkTools.Cli.Output;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Docs;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;

namespace LinkTools.Cli.Commands;

/// <summary>`linktools crawl`: Invoke-SiteCrawl for the command line.</summary>
internal static class CrawlCommand
{
    public static Command Create()
    {
        var url = new Argument<string[]>("url") { Description = "The start URL; or documentation folders and files (Markdown, HTML) to check instead of a site.", Arity = ArgumentArity.ZeroOrMore };
        var demo = new Option<bool>("--demo") { Description = "Crawl the built-in demo site (served on 127.0.0.1; known broken links)." };
        var depth = new Option<int>("--depth") { Description = "Link hops from the start page to the deepest page crawled; -1 for no limit.", DefaultValueFactory = _ => CrawlLimits.NoDepthLimit };
        var maxPages = new Option<int>("--max-pages") { Description = "Most pages crawled; further pages are only checked.", DefaultValueFactory = _ => CrawlSettings.DefaultMaxPages };
        var include = new Option<string[]>("--include") { Description = "Regular expression: only matching URLs are checked (repeatable)." };
        var exclude = new Option<string[]>("--exclude") { Description = "Regular expression: matching URLs are skipped (repeatable)." };
        var stayUnderPath = new Option<bool>("--stay-under-path") { Description = "Crawl only below the start URL's folder." };
        var ignoreRobots = new Option<bool>("--ignore-robots-txt") { Description = "Do not honour robots.txt (for your own site)." };
        var sitemap = new Option<string?>("--sitemap") { Description = "A sitemap or sitemap index (gzipped or not) to seed the crawl from." };
        var discoverSitemap = new Option<bool>("--discover-sitemap") { Description = "Seed from the sitemaps robots.txt lists (or /sitemap.xml)." };
        var orphans = new Option<bool>("--report-orphans") { Description = "Also report sitemap pages nothing links to and crawled pages the sitemap lacks." };
        var includeAll = new Option<bool>("--include-all") { Description = "Write every checked link, not only the broken ones." };
        var includeSkipped = new Option<bool>("--include-skipped") { Description = "Also write links not checked (mailto:, javascript:, excluded, robots.txt)." };
        var skipFragments = new Option<bool>("--skip-fragment-check") { Description = "Do not check page#id links against the page's ids." };
        var externalFragments = new Option<bool>("--check-external-fragments") { Description = "Also check page#id links to pages outside the crawl (each fetched once with GET)." };
        var delay = new Option<double>("--delay-sec") { Description = "Seconds between two requests to the same host." };
        var maxPageBytes = new Option<long>("--max-page-bytes") { Description = "Most bytes of a page read for parsing.", DefaultValueFactory = _ => EngineOptions.DefaultMaxBodyBytes };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request and the crawl's progress notes to stderr." };
        var rootPath = new Option<string?>("--root-path") { Description = "Folder root-relative links resolve against and none may leave (default: the folder given)." };
        var indexFile = new Option<string[]>("--index-file") { Description = "File a link to a folder stands for, tried in order (repeatable; default index.html, index.md, README.md)." };
        var ignorePathCase = new Option<bool>("--ignore-path-case") { Description = "Match file and folder names in local links ignoring case (default: exact case)." };
        var slugStyle = new Option<SlugStyle>("--slug-style") { Description = "How Markdown headings become #anchors: GitHub or AzureDevOps.", DefaultValueFactory = _ => SlugStyle.GitHub };
        var offline = new Option<bool>("--offline") { Description = "Documentation folders: request nothing; remote links are skipped." };
        var quiet = ProgressLine.QuietOption();
        var format = FormatOption.Create();
        var engine = new EngineOptionSet();
        var report = new ReportOptionSet();
        var cache = new CacheOptionSet();

        var command = new Command("crawl", "Crawl a site (or check a documentation folder) concurrently and report its broken links with the page or file that holds each; exit code 1 when any is broken.");
        command.Arguments.Add(url);
        foreach (var option in new Option[] { demo, depth, maxPages, include, exclude, stayUnderPath, ignoreRobots, sitemap, discoverSitemap, orphans, includeAll, includeSkipped, skipFragments, externalFragments, delay, maxPageBytes, verbose, quiet, rootPath, indexFile, ignorePathCase, slugStyle, offline, format })
        {
            command.Options.Add(option);
        }

        engine.AddTo(command);
        report.AddTo(command);
        cache.AddTo(command);
        depth.Validators.Add(r =>
        {
            int v = r.GetValueOrDefault<int>();
            if (v != CrawlLimits.NoDepthLimit && (v < CrawlLimits.DepthMin || v > CrawlLimits.DepthMax))
            {
                r.AddError($"--depth must be {CrawlLimits.NoDepthLimit} (no limit) or between {CrawlLimits.DepthMin} and {CrawlLimits.DepthMax}; got {v}.");
            }
        });
        OptionRange.Require(maxPages, CrawlLimits.MaxPagesMin, CrawlLimits.MaxPagesMax);
        OptionRange.Require(delay, EngineLimits.DelaySecMin, EngineLimits.DelaySecMax);
        OptionRange.Require(maxPageBytes, EngineLimits.MaxBodyBytesMin, EngineLimits.MaxBodyBytesMax);

        command.SetAction((parse, cancellationToken) =>
        {
            var options = engine.Build(parse, out var error);
            if (error != null) return Task.FromResult(Fail(error));
            var reportRequest = report.Read(parse, out var reportError);
            if (reportError != null) return Task.FromResult(Fail(reportError));
            options.DelayPerHost = TimeSpan.FromSeconds(parse.GetValue(delay));
            options.MaxBodyBytes = parse.GetValue(maxPageBytes);

            var targets = parse.GetValue(url) ?? [];
            using var site = parse.GetValue(demo) ? DemoSite.Start() : null;
            Uri? start = null;
            if (site != null)
            {
                Console.Error.WriteLine($"Demo site on {site.BaseUri} (partner site {site.PartnerUri})");
                start = site.BaseUri;
                engine.ApplyDemoSettings(parse, options);
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

            var settings = new CrawlSettings
            {
                Engine = options,
                Ci = LinkTools.Core.Ci.CiAnnotations.Detect(),
                StartUrl = start!,
                MaxDepth = parse.GetValue(depth),
                MaxPages = parse.GetValue(maxPages),
                StayUnderPath = parse.GetValue(stayUnderPath),
                IgnoreRobotsTxt = parse.GetValue(ignoreRobots),
                DiscoverSitemap = parse.GetValue(discoverSitemap),
                ReportOrphans = parse.GetValue(orphans),
                IncludeAll = parse.GetValue(includeAll),
                IncludeSkipped = parse.GetValue(includeSkipped),
                CheckFragments = !parse.GetValue(skipFragments),
                CheckExternalFragments = parse.GetValue(externalFragments),
                Cache = cache.Read(parse),
            };
            foreach (var pattern in parse.GetValue(include) ?? []) settings.Include.Add(pattern);
            foreach (var pattern in parse.GetValue(exclude) ?? []) settings.Exclude.Add(pattern);
            if (parse.GetValue(sitemap) is string sitemapText)
            {
                if (!UrlInput.TryParse(sitemapText, out var sitemapUri, out var sitemapError)) return Task.FromResult(Fail("--sitemap: " + sitemapError));
                settings.Sitemap = sitemapUri;
            }

            if (start == null)
            {
                var docs = new DocsSettings
                {
                    Crawl = settings,
                    RootPath = parse.GetValue(rootPath),
                    IgnorePathCase = parse.GetValue(ignorePathCase),
                    SlugStyle = parse.GetValue(slugStyle),
                    Offline = parse.GetValue(offline),
                };
                foreach (var target in targets) docs.Paths.Add(Path.GetFullPath(target));
                if (parse.GetValue(indexFile) is { Length: > 0 } names)
                {
                    docs.IndexFiles.Clear();
                    foreach (var name in names) docs.IndexFiles.Add(name);
                }

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
            return Fail(SettingChecks.MessageOf(ex));
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
