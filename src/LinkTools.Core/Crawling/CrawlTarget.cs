using System;
using System.Collections.Generic;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>How a unique URL is handled in a crawl.</summary>
    internal enum TargetRole
    {
        /// <summary>In scope: fetched with GET and, when HTML, parsed for links.</summary>
        Page,

        /// <summary>Checked only (HEAD, confirmed by GET).</summary>
        Check,

        /// <summary>Outside the crawl, with -CheckExternalFragments: fetched once with GET for its ids, its links not followed.</summary>
        Anchors,

        /// <summary>Not fetched (robots.txt).</summary>
        Skipped,
    }

    /// <summary>
    /// One unique (normalized) URL of the crawl: created when first queued, so it is fetched at most once, and holding
    /// the links that wait for its verdict until it arrives. Guarded by the <see cref="CrawlGraph"/>'s lock.
    /// </summary>
    internal sealed class CrawlTarget
    {
        private readonly string _url;
        private Uri? _uri;

        /// <param name="uri">The normalized URL.</param>
        /// <param name="key">Its text, the crawl's key for it (passed in so the target and the key share one string).</param>
        public CrawlTarget(Uri uri, string key, int depth, TargetRole role)
        {
            _uri = uri;
            _url = key;
            Depth = depth;
            Role = role;
        }

        /// <summary>The normalized URL's text: the crawl's key for this target.</summary>
        public string Key => _url;

        /// <summary>The URL; once the verdict is in (see <see cref="ReleaseUri"/>) rebuilt from its text, which is rare.</summary>
        public Uri Uri => _uri ?? new Uri(_url, UriKind.Absolute);

        /// <summary>
        /// Drops the parsed form once the target has been fetched: a crawl of 100,000 pages keeps every target to the
        /// end, and a Uri with its parsed parts costs about as much again as the URL text the target keeps.
        /// </summary>
        public void ReleaseUri() => _uri = null;

        /// <summary>Link hops from the start page when first found.</summary>
        public int Depth { get; }

        public TargetRole Role { get; }

        /// <summary>Set once; readers outside the lock see it only after the lock that set it was released.</summary>
        public Verdict? Verdict { get; set; }

        /// <summary>Links waiting for <see cref="Verdict"/>; null once it is known.</summary>
        public List<LinkReference>? Waiting { get; set; }

        /// <summary>The ids and anchor names of the page, when it was parsed as HTML and fragments are checked; null otherwise.</summary>
        public FragmentTargets? Anchors { get; set; }

        /// <summary>A crawled page links to it.</summary>
        public bool Linked { get; set; }

        public bool InSitemap { get; set; }

        /// <summary>Fetched and parsed as a page, at this very URL (not through a redirect).</summary>
        public bool Parsed { get; set; }

        /// <summary>For a page: whether its links are to be followed, and they meanwhile. Null for a check.</summary>
        public PageHold? Hold { get; set; }
    }
}
