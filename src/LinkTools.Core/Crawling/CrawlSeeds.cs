using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Http;
using LinkTools.Core.Text;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Where a web crawl starts, before and beside its start URL: robots.txt (its rules, its Crawl-delay, the sitemaps it
    /// lists) and the pages the sitemaps list.
    /// </summary>
    internal sealed class CrawlSeeds
    {
        private readonly CrawlSettings _settings;
        private readonly FetchEngine _engine;
        private readonly PageFetcher _fetcher;
        private readonly CrawlOutput _output;
        private IReadOnlyList<string> _discoveredSitemaps = Array.Empty<string>();

        public CrawlSeeds(CrawlSettings settings, FetchEngine engine, PageFetcher fetcher, CrawlOutput output)
        {
            _settings = settings;
            _engine = engine;
            _fetcher = fetcher;
            _output = output;
        }

        /// <summary>The rules the crawl obeys: allow-all until robots.txt is read, and when it is ignored.</summary>
        public RobotsTxt Robots { get; private set; } = RobotsTxt.AllowAll;

        /// <summary>Whether any sitemap could be read (orphans are reported only then).</summary>
        public bool SitemapRead { get; private set; }

        /// <summary>Reads robots.txt when the crawl obeys it or looks there for sitemaps.</summary>
        public async Task LoadRobotsAsync()
        {
            if (_settings.IgnoreRobotsTxt && !_settings.DiscoverSitemap) return;
            var outcome = await _fetcher.GetAsync(new Uri(_settings.StartUrl, "/robots.txt")).ConfigureAwait(false);
            if (!(outcome.StatusCode is int status && status >= 200 && status < 300) || outcome.Body == null) return;
            var robots = RobotsTxt.Parse(HtmlDecoding.Decode(outcome.Body, outcome.Charset), _engine.Options.UserAgent);
            if (!_settings.IgnoreRobotsTxt)
            {
                Robots = robots;
                if (robots.CrawlDelay is TimeSpan delay && delay > _engine.Options.DelayPerHost)
                {
                    _engine.SetHostDelay(_settings.StartUrl, delay);
                    _output.Verbose($"robots.txt asks for a Crawl-delay of {Durations.Format(delay)}; honoured");
                }
            }

            _discoveredSitemaps = robots.Sitemaps;
        }

        /// <summary>Reads the sitemaps asked for (or listed by robots.txt) and hands each page they list to <paramref name="follow"/>.</summary>
        /// <param name="follow">Receives the sitemap (as shown) and the page's link.</param>
        public async Task SeedFromSitemapsAsync(Action<string, ExtractedLink> follow)
        {
            if (!_settings.UsesSitemap) return;
            var roots = new List<Uri>();
            if (_settings.Sitemap != null) roots.Add(_settings.Sitemap);
            if (_settings.DiscoverSitemap)
            {
                foreach (var listed in _discoveredSitemaps)
                {
                    if (LinkExtractor.TryResolve(_settings.StartUrl, listed, out var uri)) roots.Add(uri);
                }

                if (_discoveredSitemaps.Count == 0) roots.Add(new Uri(_settings.StartUrl, "/sitemap.xml"));
            }

            var seeder = new SitemapSeeder(_fetcher.GetAsync, _output.Warn, _settings.MaxSitemaps, _engine.Options.MaxBodyBytes * 10);
            SitemapRead = await seeder.SeedAsync(roots, (sitemap, loc) =>
            {
                LinkExtractor.TryResolve(sitemap, loc, out var pageUri);
                follow(UrlText.Redact(sitemap), ExtractedLink.SitemapEntry(loc, pageUri));
            }).ConfigureAwait(false);
        }
    }
}
