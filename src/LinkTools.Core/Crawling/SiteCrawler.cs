using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Walks a site on the shared fetch engine. Every unique URL is marked visited when it is queued, fetched at most
    /// once, and its verdict fanned out to every (page, link) pair that points to it (<see cref="CrawlGraph"/>). The
    /// frontier (plain queues of URLs) is separate from the engine's rate limits, and the run ends by an explicit count of
    /// outstanding work, never by a queue that looks empty while requests are out. Bodies are dropped as soon as links
    /// are out. This type holds what is a web crawl's own: its scope (moved when the start URL redirects), robots.txt,
    /// the page limits, and the order of a page's fetch, parse and fan-out.
    /// </summary>
    public sealed class SiteCrawler : ICrawlSource
    {
        private readonly CrawlSettings _settings;
        private readonly FetchEngine _engine;
        private readonly CancellationToken _cancellationToken;
        private readonly CrawlLoop _loop;
        private readonly PageFetcher _fetcher;
        private readonly CrawlSeeds _seeds;
        private readonly string _startKey;
        private readonly NamePool _anchorNames = new();
        private readonly ExternalAnchorReader? _externalAnchors;

        // Read outside the graph's lock; replaced once, by the start page, when the start URL redirects.
        private volatile CrawlScope _scope;

        // Guarded by the graph's lock (Create is called under it).
        private int _pagesQueued;
        private bool _pageLimitHit;

        /// <param name="cache">
        /// Results kept between runs, or null. Checks are read from it (links that are not crawled: other sites, images,
        /// scripts, stylesheets, pages past the limits); pages in the crawl's scope are always asked for, since their
        /// links may have changed, but conditionally when it keeps them (see <see cref="PageRevalidation"/>).
        /// </param>
        public SiteCrawler(CrawlSettings settings, FetchEngine engine, ResultCache? cache, CancellationToken cancellationToken)
        {
            _settings = settings;
            _engine = engine;
            _cancellationToken = cancellationToken;
            _scope = new CrawlScope(settings.StartUrl, settings.StayUnderPath, settings.Include, settings.Exclude);
            _startKey = UrlNormalizer.Key(settings.StartUrl);
            var checker = new LinkChecker(engine, cache);
            _loop = new CrawlLoop(settings, checker, this, null, cancellationToken);
            _fetcher = new PageFetcher(checker, cache, _loop.Tally, cancellationToken);
            _seeds = new CrawlSeeds(settings, engine, _fetcher, _loop.Output);
            if (settings.CheckFragments && settings.CheckExternalFragments) _externalAnchors = new ExternalAnchorReader(_fetcher, _anchorNames);

            // Headers and credentials go to the start origin only.
            engine.TrustedOrigins.Add(settings.StartUrl);
            engine.RedirectExclusion = uri => _scope.Exclusion(uri);
        }

        /// <summary>Results, warnings, verbose lines and errors, as they happen; completed when the crawl is over.</summary>
        public ChannelReader<CrawlEvent> Events => _loop.Output.Events;

        /// <summary>Completes when every page and check has finished (or the run was stopped).</summary>
        public Task Completion => _loop.Frontier.Completion;

        public int PagesCrawled => _loop.Tally.PagesCrawled;

        public int PagesQueued => Volatile.Read(ref _pagesQueued);

        /// <summary>Unique URLs found and not started yet.</summary>
        public int Waiting => _loop.Frontier.Waiting;

        public int UniqueUrls => _loop.Graph.Count;

        public int TargetsFinished => _loop.Tally.TargetsFinished;

        public int Links => _loop.Tally.Links;

        public int Broken => _loop.Tally.Broken;

        public TimeSpan Elapsed => _loop.Elapsed;

        /// <summary>Rows written to <see cref="Events"/> so far.</summary>
        public int Emitted => _loop.Tally.Emitted;

        /// <summary>
        /// The consumer has written <paramref name="rows"/> rows: while more than -MaxUnwrittenResults are unwritten no
        /// new fetch starts, and a crawl held back goes on once it has caught up.
        /// </summary>
        public void CaughtUp(int rows) => _loop.CaughtUp(rows);

        /// <summary>Starts the crawl in the background. Call once.</summary>
        public void Start()
        {
            _loop.Start(SeedAsync, UrlText.Redact(_settings.StartUrl));
            _fetcher.Warm();
        }

        public CrawlSummary Summary(int orphans)
        {
            var summary = _loop.Tally.Summary(_loop.Elapsed, _cancellationToken.IsCancellationRequested);
            summary.Unchanged = _fetcher.Unchanged;
            summary.Retries = _engine.Statistics.Retries;
            summary.RetryWait = _engine.Statistics.RetryWait;
            summary.Orphans = orphans;
            return summary;
        }

        /// <summary>
        /// Pages the sitemap and the links disagree about. Empty unless a sitemap was read; call after <see cref="Completion"/>.
        /// </summary>
        public List<OrphanPage> Orphans() =>
            !_seeds.SitemapRead || _cancellationToken.IsCancellationRequested ? new List<OrphanPage>() : _loop.Graph.Orphans(_startKey);

        private async Task SeedAsync()
        {
            await _seeds.LoadRobotsAsync().ConfigureAwait(false);
            _loop.Graph.Follow("", -1, new[] { ExtractedLink.Start(_settings.StartUrl) });
            await _seeds.SeedFromSitemapsAsync((sitemap, page) => _loop.Graph.Follow(sitemap, -1, new[] { page })).ConfigureAwait(false);
        }

        Verdict? ICrawlSource.Refusal(ExtractedLink link, Uri normalized)
        {
            // The start URL is always crawled: patterns choose among the links it leads to.
            if (link.Kind == LinkKind.Start || _scope.Refusal(link.Target!) is not string refusal) return null;

            // The URL it would have been fetched as (host mapped, normalized), as for every other target.
            return Verdict.Skipped(FailureKind.Excluded, refusal, UrlText.Redact(normalized));
        }

        bool ICrawlSource.RobotsRefuse(Uri normalized)
        {
            var robots = _seeds.Robots;
            return robots.HasRules && _scope.IsSameOrigin(normalized) && !robots.IsAllowed(normalized, _cancellationToken);
        }

        CrawlTarget ICrawlSource.Create(Uri uri, string key, int depth, ExtractedLink link, bool robotsRefused)
        {
            if (robotsRefused)
            {
                if (link.Kind == LinkKind.Start) _loop.Output.Warn($"robots.txt disallows {UrlText.Redact(uri)} for this user agent, so nothing was crawled; -IgnoreRobotsTxt crawls your own site anyway.");
                return new CrawlTarget(uri, key, Math.Max(0, depth), TargetRole.Skipped)
                {
                    Verdict = Verdict.Skipped(FailureKind.Excluded, "robots.txt disallows it for this user agent", UrlText.Redact(uri)),
                };
            }

            // Whether it is fetched and read as a page depends on the URL, not on the link that happened to arrive first:
            // a page a <link rel="next"> names is read too, and its links are followed once a navigation reaches it.
            bool crawlable = _scope.IsInside(uri) && !CrawlScope.IsObviouslyNotAPage(uri);
            if (crawlable && _settings.MaxDepth >= 0 && depth > _settings.MaxDepth) crawlable = false;
            if (crawlable && _pagesQueued >= _settings.MaxPages)
            {
                crawlable = false;
                if (!_pageLimitHit)
                {
                    _pageLimitHit = true;
                    _loop.Output.Warn($"-MaxPages {_settings.MaxPages} reached: further pages are checked but not crawled.");
                }
            }

            if (!crawlable)
            {
                // Decided by the URL alone, as a page's role is, so every run reads the same external pages.
                bool readsAnchors = _externalAnchors != null && !_scope.IsInside(uri) && !CrawlScope.IsObviouslyNotAPage(uri);
                return new CrawlTarget(uri, key, Math.Max(0, depth), readsAnchors ? TargetRole.Anchors : TargetRole.Check);
            }

            Volatile.Write(ref _pagesQueued, _pagesQueued + 1);
            return new CrawlTarget(uri, key, Math.Max(0, depth), TargetRole.Page) { Hold = new PageHold() };
        }

        async Task ICrawlSource.ReadAsync(CrawlTarget target)
        {
            if (target.Role == TargetRole.Anchors)
            {
                var (verdict, anchors) = await _externalAnchors!.ReadAsync(target.Uri).ConfigureAwait(false);
                _loop.Graph.Complete(target, verdict, anchors);
            }
            else
            {
                await CrawlPageAsync(target).ConfigureAwait(false);
            }
        }

        private async Task CrawlPageAsync(CrawlTarget target)
        {
            PageLinks? page = null;
            IReadOnlyList<ExtractedLink>? sheet = null;
            CrawlTarget? parsedAs = null;
            Uri finalUri;
            Verdict verdict;
            {
                // The body lives only in this block: it is parsed, and dropped with the outcome.
                var fetch = await _fetcher.GetPageAsync(target.Uri).ConfigureAwait(false);
                var outcome = fetch.Outcome;
                verdict = _fetcher.Judge(target.Uri, fetch);
                finalUri = outcome.FinalUri;
                if (verdict.Works && target.Depth == 0 && target.Key == _startKey) FollowStartRedirect(finalUri);
                if (fetch.Unchanged != null)
                {
                    parsedAs = ClaimParse(target, finalUri);
                    if (parsedAs != null) page = fetch.Unchanged;
                }
                else if (verdict.Works && PageFetcher.IsStylesheet(outcome))
                {
                    sheet = await _fetcher.ParseStylesheetAsync(outcome).ConfigureAwait(false);
                }
                else if (verdict.Works && PageFetcher.IsHtml(outcome))
                {
                    parsedAs = ClaimParse(target, finalUri);
                    if (parsedAs != null)
                    {
                        page = await _fetcher.ParseHtmlAsync(outcome).ConfigureAwait(false);
                        if (parsedAs == target) _fetcher.Remember(target.Uri, outcome, page);
                    }
                }
            }

            var anchors = page != null && _settings.CheckFragments ? FragmentTargets.From(page.Anchors, _anchorNames) : null;
            _loop.Graph.Complete(target, verdict, anchors);
            if (parsedAs != null && parsedAs != target) _loop.Graph.Complete(parsedAs, verdict.Landed(), anchors);

            if (_cancellationToken.IsCancellationRequested) return;
            string source = UrlText.Redact(finalUri);
            if (sheet != null)
            {
                // The site's own style sheet: the images and fonts it names are its page's resources, whoever linked it.
                _loop.Tally.LinksFound(sheet.Count);
                _loop.Graph.Follow(source, target.Depth, sheet);
                return;
            }

            if (page == null || !_loop.Graph.Read(parsedAs!, page, source, target.Depth)) return;
            _loop.Tally.PageCrawled();
            _loop.Tally.LinksFound(page.Links.Count);
            _loop.Graph.Follow(source, target.Depth, page.Links);
        }

        /// <summary>
        /// When the start URL redirects to another origin (http to https, example.com to www.example.com), the site is
        /// where it landed: the scope moves there. Headers and credentials follow only an upgrade to https on the same host.
        /// </summary>
        private void FollowStartRedirect(Uri finalUri)
        {
            if (string.Equals(TrustedOrigins.OriginOf(finalUri), TrustedOrigins.OriginOf(_settings.StartUrl), StringComparison.OrdinalIgnoreCase)) return;
            _scope = _scope.MovedTo(finalUri);
            if (TrustedOrigins.IsUpgrade(_settings.StartUrl, finalUri)) _engine.TrustedOrigins.Add(finalUri);
            _loop.Output.Verbose($"The start URL redirects to {UrlText.Redact(finalUri)}; the crawl follows the site there");
        }

        /// <summary>The target this fetch parses the page as (see <see cref="CrawlGraph.ClaimParse"/>); null: do not parse.</summary>
        private CrawlTarget? ClaimParse(CrawlTarget target, Uri finalUri)
        {
            var finalKey = UrlNormalizer.Key(finalUri);
            // Matched outside the lock, as every robots.txt rule is.
            bool mayLand = finalKey != target.Key && _scope.IsInside(finalUri) && _seeds.Robots.IsAllowed(finalUri, _cancellationToken);
            return _loop.Graph.ClaimParse(target, finalUri, finalKey, mayLand);
        }
    }
}
