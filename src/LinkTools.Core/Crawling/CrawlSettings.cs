using System;
using System.Collections.Generic;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Settings;
using LinkTools.Model.Crawling;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// What Invoke-SiteCrawl and `linktools crawl` were asked to do. Immutable: each value is checked against its
    /// setting's description as it is set, and the nested parts (<see cref="Engine"/>, <see cref="Checks"/>,
    /// <see cref="Cache"/>) check their own, so an instance that exists is valid.
    /// </summary>
    public sealed record CrawlSettings
    {
        private readonly int _maxDepth = SettingDescriptions.Depth.IntDefault;
        private readonly int _maxPages = DefaultMaxPages;

        public static int DefaultMaxPages => SettingDescriptions.MaxPages.IntDefault;

        public EngineOptions Engine { get; init; } = new EngineOptions();

        /// <summary>How each link's answer is judged: the method links are asked with and the status codes accepted.</summary>
        public CheckPolicy Checks { get; init; } = CheckPolicy.Default;

        public Uri StartUrl { get; init; } = null!;

        /// <summary>Link hops from the start page to the deepest page crawled; -1 for no limit. Links on the deepest pages are still checked.</summary>
        public int MaxDepth
        {
            get => _maxDepth;
            init => _maxDepth = SettingValidation.Between(value, SettingDescriptions.Depth, nameof(MaxDepth));
        }

        /// <summary>Most pages fetched and parsed; further pages are only checked. Ends link traps together with <see cref="MaxDepth"/>.</summary>
        public int MaxPages
        {
            get => _maxPages;
            init => _maxPages = SettingValidation.Between(value, SettingDescriptions.MaxPages, nameof(MaxPages));
        }

        /// <summary>Regular expressions: when any is given, only matching URLs are checked.</summary>
        public IReadOnlyList<string> Include { get; init; } = Array.Empty<string>();

        /// <summary>Regular expressions: matching URLs are skipped.</summary>
        public IReadOnlyList<string> Exclude { get; init; } = Array.Empty<string>();

        /// <summary>Crawl only below the start URL's folder.</summary>
        public bool StayUnderPath { get; init; }

        public bool IgnoreRobotsTxt { get; init; }

        /// <summary>A sitemap to seed the crawl from (sitemap.xml, a sitemap index, gzipped or not).</summary>
        public Uri? Sitemap { get; init; }

        /// <summary>Seed from the sitemaps robots.txt lists (or /sitemap.xml when it lists none).</summary>
        public bool DiscoverSitemap { get; init; }

        /// <summary>Emit <see cref="OrphanPage"/> objects: sitemap pages nothing links to, crawled pages the sitemap lacks.</summary>
        public bool ReportOrphans { get; init; }

        /// <summary>Check "page#id" links against the ids of in-scope pages.</summary>
        public bool CheckFragments { get; init; } = true;

        /// <summary>
        /// Also check fragments on pages outside the crawl: each such page is fetched once with GET (its body up to
        /// MaxBodyBytes, as a page's) instead of HEAD, and read for its ids. Off by default.
        /// </summary>
        public bool CheckExternalFragments { get; init; }

        /// <summary>Emit every checked link, not only the broken ones.</summary>
        public bool IncludeAll { get; init; }

        /// <summary>Azure DevOps / GitHub Actions annotations for broken links and progress; null outside CI.</summary>
        public LinkTools.Core.Ci.CiAnnotations? Ci { get; init; }

        /// <summary>Emit the links that were not checked (mailto:, tel:, javascript:, data:, excluded, robots.txt).</summary>
        public bool IncludeSkipped { get; init; }

        /// <summary>Most results found but not yet written out; beyond it no new fetch starts, so a slow consumer bounds memory.</summary>
        public int MaxUnwrittenResults { get; init; } = 10000;

        /// <summary>Most sitemap files read, indexes included (a guard against sitemap index loops and traps).</summary>
        public int MaxSitemaps { get; init; } = 100;

        /// <summary>Results kept between runs (-CachePath) for the links that are checked, not crawled; null for none.</summary>
        public LinkTools.Core.Caching.ResultCacheSettings? Cache { get; init; }

        public bool UsesSitemap => Sitemap != null || DiscoverSitemap;
    }
}
