using System;
using System.Collections.Generic;
using LinkTools.Core.Urls;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Crawling
{
    /// <summary>Compares what the sitemap lists with what the links reach, once a crawl is over.</summary>
    internal static class OrphanFinder
    {
        /// <param name="startKey">The start URL's key: it is reached without a link, so it is never "not linked".</param>
        public static List<OrphanPage> Find(IEnumerable<KeyValuePair<string, CrawlTarget>> targets, string startKey)
        {
            var orphans = new List<OrphanPage>();
            foreach (var pair in targets)
            {
                var target = pair.Value;
                if (target.InSitemap && !target.Linked && pair.Key != startKey)
                {
                    orphans.Add(Orphan(target, OrphanKind.NotLinked, "listed in the sitemap, but no crawled page links to it"));
                }
                else if (target.Parsed && !target.InSitemap)
                {
                    orphans.Add(Orphan(target, OrphanKind.NotInSitemap, "linked from the site, but not listed in the sitemap"));
                }
            }

            orphans.Sort((a, b) => string.CompareOrdinal(a.Url, b.Url));
            return orphans;
        }

        private static OrphanPage Orphan(CrawlTarget target, OrphanKind kind, string reason) =>
            new OrphanPage { Url = UrlText.Redact(target.Uri), Kind = kind, Reason = reason };
    }
}
