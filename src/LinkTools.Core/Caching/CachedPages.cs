using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;

namespace LinkTools.Core.Caching
{
    /// <summary>
    /// The crawled pages the result cache keeps for revalidation, per normalized URL: a page's validators and its links,
    /// bounded per page and in all. Safe to use from the crawl's worker threads.
    /// </summary>
    public sealed class CachedPages
    {
        private readonly ResultCacheSettings _settings;
        private readonly ConcurrentDictionary<string, ResultCachePage> _pages;
        private long _recordedLinks;

        internal CachedPages(ResultCacheSettings settings, Dictionary<string, ResultCachePage> pages)
        {
            _settings = settings;
            _pages = new ConcurrentDictionary<string, ResultCachePage>(pages, StringComparer.Ordinal);
        }

        /// <summary>The validators to send for the page, when its links are kept.</summary>
        public PageValidators? ValidatorsOf(Uri uri)
        {
            if (ResultCache.KeyOf(uri) is not string key || !_pages.TryGetValue(key, out var page)) return null;
            var validators = new PageValidators(page.ETag, page.LastModified);
            return validators.IsEmpty ? null : validators;
        }

        /// <summary>
        /// The page's links and fragment targets as last parsed, for a 304 (its time moves to now: the server vouched
        /// for it); null when they are not kept, or no longer make sense (a link that does not parse back).
        /// </summary>
        public PageLinks? Reuse(Uri uri, DateTimeOffset now)
        {
            if (ResultCache.KeyOf(uri) is not string key || !_pages.TryGetValue(key, out var page)) return null;
            var links = new List<ExtractedLink>(page.Links!.Count);
            foreach (var link in page.Links)
            {
                Uri? target = null;
                if (link.Target != null && !Uri.TryCreate(link.Target, UriKind.Absolute, out target)) return null;
                links.Add(new ExtractedLink(link.Raw, target, link.Element, link.Attribute, link.Text, link.Line));
            }

            _pages[key] = Copy(page, now);
            return new PageLinks(links, new HashSet<string>(page.Anchors!, StringComparer.Ordinal));
        }

        /// <summary>
        /// Keeps a freshly parsed page for the next run when it has validators and is within the per-page bound; a page
        /// with a link carrying user info is not kept (the file never holds credentials).
        /// </summary>
        public void Record(Uri uri, PageValidators? validators, PageLinks page, DateTimeOffset checkedAt)
        {
            if (ResultCache.KeyOf(uri) is not string key) return;
            // Past the bound in all, the pages of this run are no longer kept in memory either (the file would drop them).
            if (validators == null || validators.IsEmpty || page.Links.Count > _settings.MaxPageLinks || page.Links.Any(HasUserInfo) ||
                Interlocked.Add(ref _recordedLinks, page.Links.Count) > _settings.MaxStoredLinks)
            {
                _pages.TryRemove(key, out _);
                return;
            }

            _pages[key] = new ResultCachePage
            {
                Url = key,
                CheckedAt = checkedAt,
                ETag = validators.ETag,
                LastModified = validators.LastModified,
                Anchors = page.Anchors.ToList(),
                Links = page.Links.Select(l => new ResultCacheLink
                {
                    Raw = l.Raw,
                    Target = l.Target?.AbsoluteUri,
                    Element = l.Element,
                    Attribute = l.Attribute,
                    Text = l.Text,
                    Line = l.Line,
                }).ToList(),
            };
        }

        /// <summary>The pages to write: merged with <paramref name="saved"/> (the newer wins), newest first, up to the link bound.</summary>
        internal List<ResultCachePage> ToSave(Dictionary<string, ResultCachePage>? saved, int maxPages)
        {
            var merged = saved ?? new Dictionary<string, ResultCachePage>(StringComparer.Ordinal);
            foreach (var pair in _pages)
            {
                if (!merged.TryGetValue(pair.Key, out var other) || other.CheckedAt <= pair.Value.CheckedAt) merged[pair.Key] = pair.Value;
            }

            var kept = new List<ResultCachePage>();
            long links = 0;
            foreach (var page in merged.Values.OrderByDescending(p => p.CheckedAt).Take(maxPages))
            {
                links += page.Links!.Count;
                if (links > _settings.MaxStoredLinks) break;
                kept.Add(page);
            }

            return kept;
        }

        /// <summary>A page entry read from a file, or null when it is not one this version can reuse.</summary>
        internal static bool IsUsable(ResultCachePage? page, ResultCacheSettings settings) =>
            page is { Url.Length: > 0, Links: not null, Anchors: not null } && page.Links.Count <= settings.MaxPageLinks &&
            !page.Links.Any(l => l == null || l.Raw == null || l.Element == null || l.Attribute == null || l.Text == null) &&
            !page.Anchors.Any(a => a == null) && !new PageValidators(page.ETag, page.LastModified).IsEmpty;

        // A link as written may carry user info even when it does not parse (a Target of null), so the text is looked at too.
        private static bool HasUserInfo(ExtractedLink link) =>
            link.Target is Uri target
                ? target.UserInfo.Length > 0 && !string.Equals(target.Scheme, "mailto", StringComparison.OrdinalIgnoreCase)
                : link.Raw.IndexOf('@') >= 0;

        private static ResultCachePage Copy(ResultCachePage page, DateTimeOffset checkedAt) => new ResultCachePage
        {
            Url = page.Url,
            CheckedAt = checkedAt,
            ETag = page.ETag,
            LastModified = page.LastModified,
            Links = page.Links,
            Anchors = page.Anchors,
        };
    }
}
