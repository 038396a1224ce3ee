using System;
using System.Management.Automation;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Core.Urls;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// Crawls a site concurrently and writes one CrawlResult per broken (page, link) pair; -IncludeAll writes every link.
    /// The run summary goes to the information stream (tag "Summary") and the verbose stream.
    /// </summary>
    [Cmdlet(VerbsLifecycle.Invoke, "SiteCrawl", DefaultParameterSetName = UriSet)]
    [OutputType(typeof(CrawlResult))]
    [OutputType(typeof(OrphanPage))]
    public sealed class InvokeSiteCrawlCommand : LinkCheckCmdletBase, IDisposable
    {
        private const string UriSet = "Uri";
        private const string DemoSet = "Demo";

        private volatile SiteCrawlOperation? _current;
        private DemoSite? _demo;

        /// <summary>Start URLs; each site is crawled in turn.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = UriSet)]
        [Alias("Url", "StartUrl", "Site")]
        [AllowEmptyString]
        public string[] Uri { get; set; } = null!;

        /// <summary>Crawls the built-in demo site, served on loopback for the length of the command.</summary>
        [Parameter(Mandatory = true, ParameterSetName = DemoSet)]
        public SwitchParameter Demo { get; set; }

        /// <summary>Link hops from the start page to the deepest page crawled (0: the start page only). No limit by default.</summary>
        [Parameter]
        [ValidateRange(0, 1000)]
        public int Depth { get; set; }

        [Parameter]
        [ValidateRange(1, 10000000)]
        public int MaxPages { get; set; } = CrawlSettings.DefaultMaxPages;

        /// <summary>Regular expressions; when given, only matching URLs are checked.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Include { get; set; }

        /// <summary>Regular expressions; matching URLs are skipped.</summary>
        [Parameter]
        [ValidateNotNull]
        public string[]? Exclude { get; set; }

        /// <summary>Crawls only below the start URL's folder.</summary>
        [Parameter]
        public SwitchParameter StayUnderPath { get; set; }

        [Parameter]
        public SwitchParameter IgnoreRobotsTxt { get; set; }

        /// <summary>A sitemap (or sitemap index, gzipped or not) to seed the crawl from.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Sitemap { get; set; }

        /// <summary>Seeds the crawl from the sitemaps robots.txt lists (or /sitemap.xml).</summary>
        [Parameter]
        public SwitchParameter DiscoverSitemap { get; set; }

        /// <summary>Also writes OrphanPage objects: sitemap pages nothing links to, and crawled pages the sitemap lacks.</summary>
        [Parameter]
        public SwitchParameter ReportOrphans { get; set; }

        /// <summary>Writes every checked link, not only the broken ones.</summary>
        [Parameter]
        public SwitchParameter IncludeAll { get; set; }

        /// <summary>Also writes links that were not checked (mailto:, tel:, javascript:, data:, excluded, robots.txt).</summary>
        [Parameter]
        public SwitchParameter IncludeSkipped { get; set; }

        /// <summary>Does not check "page#id" links against the ids in the page.</summary>
        [Parameter]
        public SwitchParameter SkipFragmentCheck { get; set; }

        /// <summary>Seconds between the starts of two requests to the same host.</summary>
        [Parameter]
        [Alias("Delay")]
        [ValidateRange(0, 600)]
        public double DelaySec { get; set; }

        /// <summary>Most bytes of a page read for parsing.</summary>
        [Parameter]
        [ValidateRange(1024, int.MaxValue)]
        public long MaxPageBytes { get; set; } = EngineOptions.DefaultMaxBodyBytes;

        [Parameter]
        public CheckMethod Method { get; set; } = CheckMethod.Auto;

        protected override void BeginProcessing()
        {
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
            if (ParameterSetName == DemoSet)
            {
                _demo = DemoSite.Start();
                WriteVerbose("Demo site serving on " + _demo.BaseUri);
                Crawl(_demo.BaseUri);
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
            using var operation = new SiteCrawlOperation(settings, new CmdletSink(this));
            _current = operation;
            try
            {
                operation.Run();
            }
            finally
            {
                _current = null;
            }
        }

        private CrawlSettings? BuildSettings(System.Uri start)
        {
            var engine = BuildEngineOptions();
            engine.Method = Method;
            engine.DelayPerHost = TimeSpan.FromSeconds(DelaySec);
            engine.MaxBodyBytes = MaxPageBytes;
            var settings = new CrawlSettings
            {
                Engine = engine,
                StartUrl = start,
                MaxDepth = MyInvocation.BoundParameters.ContainsKey(nameof(Depth)) ? Depth : -1,
                MaxPages = MaxPages,
                StayUnderPath = StayUnderPath.IsPresent,
                IgnoreRobotsTxt = IgnoreRobotsTxt.IsPresent,
                DiscoverSitemap = DiscoverSitemap.IsPresent,
                ReportOrphans = ReportOrphans.IsPresent,
                IncludeAll = IncludeAll.IsPresent,
                IncludeSkipped = IncludeSkipped.IsPresent,
                CheckFragments = !SkipFragmentCheck.IsPresent,
            };
            foreach (var pattern in Include ?? Array.Empty<string>()) settings.Include.Add(pattern);
            foreach (var pattern in Exclude ?? Array.Empty<string>()) settings.Exclude.Add(pattern);

            if (Sitemap != null)
            {
                if (!UrlInput.TryParse(Sitemap, out var sitemap, out var error))
                {
                    WriteError(new ErrorRecord(new ArgumentException(error), "InvalidSitemapUrl", ErrorCategory.InvalidArgument, Sitemap));
                    return null;
                }

                settings.Sitemap = sitemap;
            }

            return settings;
        }

        protected override void EndProcessing() => Cleanup();

        protected override void StopProcessing() => _current?.Stop();

        public void Dispose() => Cleanup();

        private void Cleanup()
        {
            _demo?.Dispose();
            _demo = null;
        }
    }
}
