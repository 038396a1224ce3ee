using System;
using System.Collections.Generic;
using LinkTools.Core.Urls;

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
    /// the links that wait for its verdict until it arrives. Guarded by the crawler's lock.
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
        public TargetVerdict? Verdict { get; set; }

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

    /// <summary>
    /// A page's links between its parse and the first link that navigates to it: a page a &lt;link rel="next"&gt; or an
    /// image names is fetched and read (so its fragments are known whatever arrives first), but its links are followed
    /// only once an &lt;a&gt;, a frame, a redirect or a sitemap leads there. Guarded by the crawler's lock.
    /// </summary>
    internal sealed class PageHold
    {
        private bool _wanted;
        private bool _followed;

        /// <summary>The parsed page's links, while they wait for a navigation to it.</summary>
        public IReadOnlyList<ExtractedLink>? Links { get; private set; }

        public string SourceUrl { get; private set; } = "";

        public int Depth { get; private set; }

        /// <summary>A navigation reached the page: its links are followed now (added to <paramref name="released"/>) if it was read, else when it is.</summary>
        public void Want(List<PageHold> released)
        {
            if (_followed) return;
            _wanted = true;
            if (Links == null) return;
            _followed = true;
            released.Add(this);
        }

        /// <summary>The held links, once <see cref="Want"/> released them (only the one who got the hold calls it).</summary>
        public IReadOnlyList<ExtractedLink> TakeLinks()
        {
            var links = Links!;
            Links = null;
            return links;
        }

        /// <summary>The page was read: true when its links are to be followed now; otherwise they are kept until <see cref="Want"/>.</summary>
        public bool Read(PageLinks page, string sourceUrl, int depth)
        {
            if (_followed) return false;
            if (_wanted)
            {
                _followed = true;
                return true;
            }

            Links = page.Links;
            SourceUrl = sourceUrl;
            Depth = depth;
            return false;
        }
    }

    /// <summary>
    /// A (page, link) pair waiting for its target's verdict. Kept compact, without the link's Uri object, because a
    /// large crawl holds a million of these at once (S5: most links wait while the frontier is long).
    /// </summary>
    internal readonly struct LinkReference
    {
        /// <param name="sharedUrl">The target's own URL text: when the link's URL is the same text, that one instance is
        /// kept instead, so the many links to one target share a string.</param>
        public LinkReference(string sourceUrl, int sourceDepth, ExtractedLink link, string? sharedUrl = null)
        {
            SourceUrl = sourceUrl;
            SourceDepth = sourceDepth;
            string url = link.Target != null ? UrlText.Redact(link.Target) : UrlText.Redact(link.Raw);
            Url = sharedUrl != null && string.Equals(url, sharedUrl, StringComparison.Ordinal) ? sharedUrl : url;
            Fragment = link.Target != null ? UrlNormalizer.FragmentOf(link.Target) : "";
            Element = link.Element;
            Attribute = link.Attribute;
            Text = link.Text;
            Line = link.Line;
        }

        public string SourceUrl { get; }
        public int SourceDepth { get; }

        /// <summary>The link's absolute URL as shown (user info redacted), or the raw value when it is not a URL.</summary>
        public string Url { get; }

        /// <summary>The fragment as the URL has it (not decoded), or "" when the link has none.</summary>
        public string Fragment { get; }

        public string Element { get; }
        public string Attribute { get; }
        public string Text { get; }
        public int Line { get; }
    }
}
