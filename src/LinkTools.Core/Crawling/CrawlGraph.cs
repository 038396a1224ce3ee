using System;
using System.Collections.Generic;
using System.Threading;
using LinkTools.Core.Checking;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The crawl graph, under one lock: every unique (normalized) URL as a <see cref="CrawlTarget"/>, created when first
    /// linked so it is fetched at most once; the (page, link) pairs waiting for its verdict; and the fan-out of that
    /// verdict to each of them once it arrives. New targets go to the frontier; rows go to the output.
    /// </summary>
    internal sealed class CrawlGraph
    {
        private readonly object _lock = new();
        private readonly Dictionary<string, CrawlTarget> _targets = new(StringComparer.Ordinal);
        private readonly ICrawlSource _source;
        private readonly CrawlOutput _output;
        private readonly CrawlTally _tally;
        private readonly Action<CrawlTarget> _queue;
        private readonly CancellationToken _cancellationToken;

        /// <param name="queue">Starts a new target (the frontier's Add).</param>
        public CrawlGraph(ICrawlSource source, CrawlOutput output, CrawlTally tally, Action<CrawlTarget> queue, CancellationToken cancellationToken)
        {
            _source = source;
            _output = output;
            _tally = tally;
            _queue = queue;
            _cancellationToken = cancellationToken;
        }

        public int Count { get { lock (_lock) return _targets.Count; } }

        /// <summary>
        /// Records links found on a page (or in a sitemap, or the start URL) and queues each target that is new. URLs are
        /// normalized outside the lock, then the whole page takes the lock once (not once a link), and new targets are
        /// queued and known verdicts emitted after it is released.
        /// </summary>
        public void Follow(string sourceUrl, int sourceDepth, IReadOnlyList<ExtractedLink> links)
        {
            // A page read before any link navigated to it has its links held (see PageHold); a link found now may release
            // them, and theirs others: followed in a loop, not by recursion, as a chain of such pages can be long.
            var released = new List<PageHold>();
            FollowLinks(sourceUrl, sourceDepth, links, released);
            for (int i = 0; i < released.Count && !_cancellationToken.IsCancellationRequested; i++)
            {
                var hold = released[i];
                released[i] = null!;
                var held = hold.TakeLinks();
                _tally.PageCrawled();
                _tally.LinksFound(held.Count);
                FollowLinks(hold.SourceUrl, hold.Depth, held, released);
            }
        }

        private void FollowLinks(string sourceUrl, int sourceDepth, IReadOnlyList<ExtractedLink> links, List<PageHold> released)
        {
            var pending = new PendingLink[links.Count];
            for (int i = 0; i < links.Count; i++)
            {
                var link = links[i];
                var verdict = Prepare(link, out pending[i].Normalized, out pending[i].Key);

                // Patterns judge each link as written (fragment included), before it is one target among others.
                if (verdict == null && _source.Refusal(link, pending[i].Normalized!) is Verdict refusal)
                {
                    verdict = refusal;
                    pending[i].Key = null;
                }

                if (verdict != null) _output.Publish(new LinkReference(sourceUrl, sourceDepth, link), verdict, null);

                // Matched here, outside the lock: robots.txt is the site's text, and output and Ctrl+C must never wait on it.
                pending[i].RobotsRefused = pending[i].Key != null && _source.RobotsRefuse(pending[i].Normalized!);
            }

            lock (_lock)
            {
                for (int i = 0; i < links.Count; i++)
                {
                    if (pending[i].Key is not string key) continue;
                    var link = links[i];
                    if (!_targets.TryGetValue(key, out var target))
                    {
                        target = _source.Create(pending[i].Normalized!, key, sourceDepth + 1, link, pending[i].RobotsRefused);
                        _targets.Add(key, target);
                        pending[i].IsNew = true;
                    }

                    if (link.Kind == LinkKind.Navigation || link.Kind == LinkKind.Resource) target.Linked = true;
                    if (link.Kind == LinkKind.Sitemap) target.InSitemap = true;
                    if (target.Hold != null && link.Reads) target.Hold.Want(released);
                    if (target.Verdict == null)
                    {
                        // Reported when the verdict arrives; a failing sitemap entry is reported against the sitemap.
                        (target.Waiting ??= new List<LinkReference>()).Add(new LinkReference(sourceUrl, sourceDepth, link, UrlText.Redact(target.Uri)));
                        pending[i].Waiting = true;
                    }

                    pending[i].Target = target;
                }
            }

            for (int i = 0; i < links.Count; i++)
            {
                if (pending[i].Target is not CrawlTarget target) continue;
                if (pending[i].IsNew && target.Role != TargetRole.Skipped) _queue(target);
                if (!pending[i].Waiting) _output.Publish(new LinkReference(sourceUrl, sourceDepth, links[i]), target.Verdict!, target.Anchors);
            }
        }

        /// <summary>One link of a page on its way through <see cref="FollowLinks"/>.</summary>
        private struct PendingLink
        {
            public Uri? Normalized;
            public string? Key;
            public CrawlTarget? Target;
            public bool IsNew;
            public bool Waiting;
            public bool RobotsRefused;
        }

        /// <summary>The link's normalized URL and key; or, for a link that is not an http(s) URL, the verdict on it.</summary>
        private static Verdict? Prepare(ExtractedLink link, out Uri? normalized, out string? key)
        {
            normalized = null;
            key = null;
            var uri = link.Target;
            if (uri == null) return Verdict.InvalidUrl(link.Raw);
            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            {
                return Verdict.Skipped(FailureKind.UnsupportedScheme, uri.Scheme + ": links are not checked", link.Raw);
            }

            try
            {
                normalized = UrlNormalizer.Normalize(uri);
                key = normalized.AbsoluteUri;
                return null;
            }
            catch (UriFormatException)
            {
                normalized = null;
                return Verdict.InvalidUrl(link.Raw);
            }
        }

        /// <summary>Sets the target's verdict (and anchors) and reports it to every link waiting for it.</summary>
        public void Complete(CrawlTarget target, Verdict verdict, FragmentTargets? anchors)
        {
            List<LinkReference>? waiting;
            lock (_lock)
            {
                target.Anchors = anchors;
                target.Verdict = verdict;
                target.ReleaseUri();
                waiting = target.Waiting;
                target.Waiting = null;
            }

            if (waiting == null) return;
            foreach (var reference in waiting)
            {
                _output.Publish(reference, verdict, anchors);
            }
        }

        /// <summary>
        /// The target a fetch parses the page as: itself at its own URL; after a redirect, the final URL when it may be
        /// read (<paramref name="mayLand"/>: in scope, allowed) and is not known yet (it is then marked visited, so it is
        /// not fetched again). Null: do not parse.
        /// </summary>
        public CrawlTarget? ClaimParse(CrawlTarget target, Uri finalUri, string finalKey, bool mayLand)
        {
            lock (_lock)
            {
                if (finalKey == target.Key)
                {
                    target.Parsed = true;
                    return target;
                }

                if (!mayLand || _targets.ContainsKey(finalKey)) return null;

                // One page under two URLs: a navigation to either reads it.
                var landed = new CrawlTarget(UrlNormalizer.Normalize(finalUri), finalKey, target.Depth, TargetRole.Page) { Parsed = true, Linked = target.Linked, Hold = target.Hold };
                _targets.Add(finalKey, landed);
                return landed;
            }
        }

        /// <summary>The page was read: true when its links are to be followed now; otherwise its hold keeps them until a navigation arrives.</summary>
        public bool Read(CrawlTarget parsedAs, PageLinks page, string sourceUrl, int depth)
        {
            lock (_lock)
            {
                return parsedAs.Hold!.Read(page, sourceUrl, depth);
            }
        }

        /// <summary>Pages the sitemap and the links disagree about; call once the crawl is over.</summary>
        public List<OrphanPage> Orphans(string startKey)
        {
            lock (_lock)
            {
                return OrphanFinder.Find(_targets, startKey);
            }
        }
    }
}
