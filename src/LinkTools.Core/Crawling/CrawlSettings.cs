using System;
using System.Collections.Generic;
using LinkTools.Core.Http;
using LinkTools.Core.Settings;
using LinkTools.Model.Crawling;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Crawling
{
    /// <summary>What Invoke-SiteCrawl and `linktools crawl` were asked to do.</summary>
    public sealed class CrawlSettings
    {
        public static int DefaultMaxPages => SettingDescriptions.MaxPages.IntDefault;

        public EngineOptions Engine { get; set; } = new EngineOptions();

        public Uri StartUrl { get; set; } = null!;

        /// <summary>Link hops from the start page to the deepest page crawled; -1 for no limit. Links on the deepest pages are still checked.</summary>
        public int MaxDepth { get; set; } = SettingDescriptions.Depth.IntDefault;

        /// <summary>Most pages fetched and parsed; further pages are only checked. Ends link traps together with <see cref="MaxDepth"/>.</summary>
        public int MaxPages { get; set; } = DefaultMaxPages;

        /// <summary>Regular expressions: when any is given, only matching URLs are checked.</summary>
        public IList<string> Include { get; } = new List<string>();

        /// <summary>Regular expressions: matching URLs are skipped.</summary>
        public IList<string> Exclude { get; } = new List<string>();

        /// <summary>Crawl only below the start URL's folder.</summary>
        public bool StayUnderPath { get; set; }

        public bool IgnoreRobotsTxt { get; set; }

        /// <summary>A sitemap to seed the crawl from (sitemap.xml, a sitemap index, gzipped or not).</summary>
        public Uri? Sitemap { get; set; }

        /// <summary>Seed from the sitemaps robots.txt lists (or /sitemap.xml when it lists none).</summary>
        public bool DiscoverSitemap { get; set; }

        /// <summary>Emit <see cref="OrphanPage"/> objects: sitemap pages nothing links to, crawled pages the sitemap lacks.</summary>
        public bool ReportOrphans { get; set; }

        /// <summary>Check "page#id" links against the ids of in-scope pages.</summary>
        public bool CheckFragments { get; set; } = true;

        /// <summary>
        /// Also check fragments on pages outside the crawl: each such page is fetched once with GET (its body up to
        /// MaxBodyBytes, as a page's) instead of HEAD, and read for its ids. Off by default.
        /// </summary>
        public bool CheckExternalFragments { get; set; }

        /// <summary>Emit every checked link, not only the broken ones.</summary>
        public bool IncludeAll { get; set; }

        /// <summary>Azure DevOps / GitHub Actions annotations for broken links and progress; null outside CI.</summary>
        public LinkTools.Core.Ci.CiAnnotations? Ci { get; set; }

        /// <summary>Emit the links that were not checked (mailto:, tel:, javascript:, data:, excluded, robots.txt).</summary>
        public bool IncludeSkipped { get; set; }

        /// <summary>Most results found but not yet written out; beyond it no new fetch starts, so a slow consumer bounds memory.</summary>
        public int MaxUnwrittenResults { get; set; } = 10000;

        /// <summary>Most sitemap files read, indexes included (a guard against sitemap index loops and traps).</summary>
        public int MaxSitemaps { get; set; } = 100;

        /// <summary>Results kept between runs (-CachePath) for the links that are checked, not crawled; null for none.</summary>
        public LinkTools.Core.Caching.ResultCacheSettings? Cache { get; set; }

        public bool UsesSitemap => Sitemap != null || DiscoverSitemap;

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first setting out of range, the engine's included.</summary>
        public void Validate()
        {
            SettingChecks.Between(MaxDepth, SettingDescriptions.Depth, nameof(MaxDepth));
            SettingChecks.Between(MaxPages, SettingDescriptions.MaxPages, nameof(MaxPages));
            Engine.Validate();
            Cache?.Validate();
        }
    }
}
