using System;
using System.Management.Automation;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Settings;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Model.Settings;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Crawls a site concurrently and writes one CrawlResult per broken (page, link) pair; -IncludeAll writes every link.
    /// The run summary goes to the information stream (tag "Summary") and the verbose stream.
    /// </summary>
    /// <remarks>
    /// <para>Invoke-SiteCrawl starts at a page, follows the links it finds and checks every one of them on the same
    /// concurrent engine as Test-Link. Pages on the start URL's origin are fetched with GET and parsed (with
    /// -StayUnderPath, only those below the start URL's folder); every other link is checked with HEAD, confirmed with
    /// GET, and never crawled. Each unique URL is fetched once per run and its verdict is reported for every page
    /// that links to it.</para>
    /// <para>Each CrawlResult is one link on one page: SourceUrl (the page that holds the link), Url, FinalUrl,
    /// Status, IsBroken, StatusCode, FailureKind, Reason, Element, Attribute, LinkText, Line, Depth and ElapsedMs.
    /// Only broken links are written unless you ask for more: -IncludeAll writes every checked link, -IncludeSkipped
    /// also the links that were not checked (mailto:, tel:, javascript:, data:, excluded by a pattern, disallowed by
    /// robots.txt). A link to page#id is Broken with FailureKind MissingFragment when the page has no element with
    /// that id or name.</para>
    /// <para>robots.txt is honoured for the start origin (Disallow, Allow and Crawl-delay). -Depth and -MaxPages end
    /// link traps. -Sitemap or -DiscoverSitemap seed the crawl from sitemaps, and -ReportOrphans then also writes
    /// OrphanPage objects. Headers and credentials are sent to the start URL's origin only.</para>
    /// <para>With -Path or -LiteralPath (or files piped from Get-ChildItem) it checks a documentation folder instead of
    /// a site: every Markdown (.md, .markdown) and HTML (.html, .htm) file is a page, read from disk. SourceUrl is the
    /// file's path relative to the root folder (SourceFile its absolute file URI) and Line the line in that file. Local
    /// links resolve on the file system against the file, root-relative ones against -RootPath (by default the folder
    /// given, or the deepest folder holding every file given): a folder through its index file (-IndexFile), a Markdown
    /// page with or without ".md", names in exact case unless -IgnorePathCase. A missing file is Broken with FailureKind
    /// MissingFile, a path that climbs out of the root OutsideRoot, a fragment that names no heading (by -SlugStyle), id
    /// or a name MissingFragment. Remote links are checked on the engine as a crawl's are, each unique URL once, or
    /// Skipped with FailureKind Offline under -Offline. -Depth, -MaxPages, -StayUnderPath, robots.txt and sitemap
    /// parameters apply to web crawls only.</para>
    /// <para>Broken links are data: only a start URL that is not an absolute http or https URL, or a bad -Sitemap URL,
    /// produces an error record, and the other start URLs are still crawled. An -Include or -Exclude pattern that is
    /// not a valid regular expression stops the command before anything is requested. Ctrl+C stops within a second;
    /// what was found so far is already in the pipeline.</para>
    /// </remarks>
    [Cmdlet(VerbsLifecycle.Invoke, "SiteCrawl", DefaultParameterSetName = UriSet, HelpUri = HelpLinks.Examples + "Invoke-SiteCrawl.md")]
    [OutputType(typeof(CrawlResult))]
    [OutputType(typeof(OrphanPage))]
    public sealed class InvokeSiteCrawlCommand : LinkCheckCmdletBase, IDisposable
    {
        private const string UriSet = "Uri";
        private const string DemoSet = "Demo";
        private const string PathSet = "Path";
        private const string LiteralPathSet = "LiteralPath";

        private readonly EngineState _engine = new EngineState();

        // Files and folders resolved so far; a documentation check runs once, over all of them, when input ends.
        private readonly System.Collections.Generic.List<string> _paths = new System.Collections.Generic.List<string>();

        /// <summary>Start URLs: absolute http or https URLs, crawled one after another. Accepts strings from the pipeline and objects with a Uri, Url, StartUrl or Site property.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UriSet)]
        [Alias("Url", "StartUrl", "Site")]
        [AllowEmptyString]
        public string[] Uri { get; set; } = null!;

        /// <summary>Crawls the built-in demo site, served on loopback for the length of the command, with the demo's short timings (a 5 s deadline, 0.2 s retry pauses) unless -TimeoutSec or -RetryIntervalSec is given.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DemoSet)]
        public SwitchParameter Demo { get; set; }

        /// <summary>Documentation folders (read recursively for .md, .markdown, .html and .htm files) or files to check instead of a site. Wildcards are expanded.</summary>
        [Parameter(Mandatory = true, ParameterSetName = PathSet)]
        [ValidateNotNullOrEmpty]
        public string[] Path { get; set; } = null!;

        /// <summary>Documentation folders or files to check, taken as written (no wildcards). Files and folders piped from Get-ChildItem bind here by their PSPath.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = null!;

        /// <summary>The folder that root-relative links ("/images/a.png") resolve against and that no link may climb out of. By default the folder given, or the deepest folder holding every file given.</summary>
        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [ValidateNotNullOrEmpty]
        public string? RootPath { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Setting(nameof(IndexFile))]
        [ValidateNotNullOrEmpty]
        public string[]? IndexFile { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Setting(nameof(IgnorePathCase))]
        public SwitchParameter IgnorePathCase { get; set; }

        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Setting(nameof(SlugStyle))]
        public SlugStyle SlugStyle { get; set; } = (SlugStyle)SettingDescriptions.SlugStyle.Default!;

        [Parameter(ParameterSetName = PathSet)]
        [Parameter(ParameterSetName = LiteralPathSet)]
        [Setting(nameof(Offline))]
        public SwitchParameter Offline { get; set; }

        [Parameter]
        [Setting(nameof(Depth))]
        public int Depth { get; set; } = SettingDescriptions.Depth.IntDefault;

        [Parameter]
        [Setting(nameof(MaxPages))]
        public int MaxPages { get; set; } = SettingDescriptions.MaxPages.IntDefault;

        [Parameter]
        [Setting(nameof(Include))]
        [ValidateNotNull]
        public string[]? Include { get; set; }

        [Parameter]
        [Setting(nameof(Exclude))]
        [ValidateNotNull]
        public string[]? Exclude { get; set; }

        [Parameter]
        [Setting(nameof(StayUnderPath))]
        public SwitchParameter StayUnderPath { get; set; }

        [Parameter]
        [Setting(nameof(IgnoreRobotsTxt))]
        public SwitchParameter IgnoreRobotsTxt { get; set; }

        [Parameter]
        [Setting(nameof(Sitemap))]
        [ValidateNotNullOrEmpty]
        public string? Sitemap { get; set; }

        [Parameter]
        [Setting(nameof(DiscoverSitemap))]
        public SwitchParameter DiscoverSitemap { get; set; }

        [Parameter]
        [Setting(nameof(ReportOrphans))]
        public SwitchParameter ReportOrphans { get; set; }

        [Parameter]
        [Setting(nameof(IncludeAll))]
        public SwitchParameter IncludeAll { get; set; }

        [Parameter]
        [Setting(nameof(IncludeSkipped))]
        public SwitchParameter IncludeSkipped { get; set; }

        [Parameter]
        [Setting(nameof(SkipFragmentCheck))]
        public SwitchParameter SkipFragmentCheck { get; set; }

        [Parameter]
        [Setting(nameof(CheckExternalFragments))]
        public SwitchParameter CheckExternalFragments { get; set; }

        [Parameter]
        [Setting(nameof(DelaySec))]
        [Alias("Delay")]
        public double DelaySec { get; set; }

        [Parameter]
        [Setting(nameof(MaxPageBytes))]
        public long MaxPageBytes { get; set; } = (long)SettingDescriptions.MaxPageBytes.Default!;

        [Parameter]
        [Setting(nameof(Method))]
        public CheckMethod Method { get; set; } = (CheckMethod)SettingDescriptions.Method.Default!;

        /// <summary>A file that keeps link results between runs, created if missing (commit it to a CI cache such as Azure Pipelines' Cache@2 or GitHub's actions/cache). Pages of the site are always fetched (their links may have changed); the links that are only checked (other sites, images, scripts, stylesheets) are cached: one that was Ok or Redirected within -MaxCacheAge is reported from it without a request (FromCache $true, Attempts 0); broken, timed-out, rate-limited and unverifiable links are always checked again. The file holds only results (no headers, credentials or URL user info), is replaced whole when the run ends, and is moved aside with a warning when it is not a LinkTools result cache.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? CachePath { get; set; }

        [Parameter]
        [Setting(nameof(MaxCacheAge))]
        public TimeSpan MaxCacheAge { get; set; } = TimeSpan.FromSeconds(SettingDescriptions.MaxCacheAge.IntDefault);

        protected override void BeginProcessing()
        {
            RefuseConflictingParameters();
            foreach (var (name, patterns) in new[] { ("Include", Include), ("Exclude", Exclude) })
            {
                try
                {
                    CrawlScope.Compile(patterns);
                }
                catch (ArgumentException ex)
                {
                    ThrowTerminatingError(new ErrorRecord(ex, "InvalidPattern", ErrorCategory.InvalidArgument, name));
                }
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName == PathSet || ParameterSetName == LiteralPathSet)
            {
                DocsFolderInput.Resolve(this, ParameterSetName == PathSet ? Path : LiteralPath, ParameterSetName == PathSet, _paths);
                return;
            }

            if (ParameterSetName == DemoSet)
            {
                var demo = _engine.Own(DemoSite.Start());
                WriteVerbose("Demo site serving on " + demo.BaseUri);
                Crawl(demo.BaseUri);
                return;
            }

            foreach (var input in Uri)
            {
                if (!UrlInput.TryParse(input, out var start, out var error))
                {
                    WriteError(new ErrorRecord(new ArgumentException(error), "InvalidUrl", ErrorCategory.InvalidArgument, input));
                    continue;
                }

                Crawl(start);
                if (Stopping) return;
            }
        }

        private void Crawl(System.Uri start)
        {
            var settings = BuildSettings(start);
            if (settings == null) return;
            SiteCrawlOperation operation = null!;
            try
            {
                operation = new SiteCrawlOperation(settings, new CmdletSink(this));
            }
            catch (ArgumentException ex)
            {
                ThrowInvalidSetting(ex);
            }

            _engine.Run(operation, () => operation.Run());
        }

        private CrawlSettings? BuildSettings(System.Uri? start)
        {
            var engine = BuildEngineOptions(SettingDescriptions.Crawl);
            if (ParameterSetName == DemoSet) engine = ApplyDemoSettings(engine, MyInvocation.BoundParameters.Keys);
            System.Uri? sitemap = null;
            if (Sitemap != null && !UrlInput.TryParse(Sitemap, out sitemap, out var error))
            {
                WriteError(new ErrorRecord(new ArgumentException(error), "InvalidSitemapUrl", ErrorCategory.InvalidArgument, Sitemap));
                return null;
            }

            return BuildSettings(() => SettingMapping.Crawl(new BoundSettings(this), engine) with
            {
                StartUrl = start!,
                Ci = CiIntegration.DetectCi(),
                Cache = CiIntegration.CacheSettings(this, CachePath, MaxCacheAge),
                Sitemap = sitemap,
            });
        }

        protected override void EndProcessing()
        {
            if (_paths.Count > 0) CheckFolder();
            Cleanup();
        }

        private void CheckFolder()
        {
            // The shared settings, without a start URL: a folder has none.
            var crawl = BuildSettings(null);
            if (crawl == null) return;
            var settings = SettingMapping.Docs(new BoundSettings(this), crawl);
            settings.RootPath = RootPath == null ? null : DocsFolderInput.Root(this, RootPath);
            foreach (var path in _paths) settings.Paths.Add(path);

            DocsCheckOperation operation = null!;
            try
            {
                operation = new DocsCheckOperation(settings, new CmdletSink(this));
            }
            catch (ArgumentException ex)
            {
                ThrowInvalidSetting(ex);
            }

            _engine.Run(operation, () => operation.Run());
        }

        protected override void StopProcessing()
        {
            _engine.Stop();
        }

        public void Dispose() => Cleanup();

        private void Cleanup() => _engine.Dispose();
    }
}
