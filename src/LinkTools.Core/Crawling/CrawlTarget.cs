using System;
using System.Collections.Generic;

namespace LinkTools.Core.Crawling
{
    /// <summary>How a unique URL is handled in a crawl.</summary>
    internal enum TargetRole
    {
        /// <summary>In scope: fetched with GET and, when HTML, parsed for links.</summary>
        Page,

        /// <summary>Checked only (HEAD, confirmed by GET).</summary>
        Check,

        /// <summary>Not fetched (robots.txt, -Include/-Exclude).</summary>
        Skipped,
    }

    /// <summary>
    /// One unique (normalized) URL of the crawl: created when first queued, so it is fetched at most once, and holding
    /// the links that wait for its verdict until it arrives. Guarded by the crawler's lock.
    /// </summary>
    internal sealed class CrawlTarget
    {
        public CrawlTarget(Uri uri, int depth, TargetRole role)
        {
            Uri = uri;
            Depth = depth;
            Role = role;
        }

        public Uri Uri { get; }

        /// <summary>Link hops from the start page when first found.</summary>
        public int Depth { get; }

        public TargetRole Role { get; }

        /// <summary>Set once; readers outside the lock see it only after the lock that set it was released.</summary>
        public TargetVerdict? Verdict { get; set; }

        /// <summary>Links waiting for <see cref="Verdict"/>; null once it is known.</summary>
        public List<LinkReference>? Waiting { get; set; }

        /// <summary>The ids and anchor names of the page, when it was parsed as HTML; null otherwise.</summary>
        public ISet<string>? Anchors { get; set; }

        /// <summary>A crawled page links to it.</summary>
        public bool Linked { get; set; }

        public bool InSitemap { get; set; }

        /// <summary>Fetched and parsed as a page, at this very URL (not through a redirect).</summary>
        public bool Parsed { get; set; }
    }

    /// <summary>A link waiting for its target's verdict, with where it was found.</summary>
    internal readonly struct LinkReference
    {
        public LinkReference(string sourceUrl, int sourceDepth, ExtractedLink link)
        {
            SourceUrl = sourceUrl;
            SourceDepth = sourceDepth;
            Link = link;
        }

        public string SourceUrl { get; }
        public int SourceDepth { get; }
        public ExtractedLink Link { get; }
    }
}
