using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Walks a site on the shared fetch engine. Every unique URL is marked visited when it is queued, fetched at most
    /// once, and its verdict fanned out to every (page, link) pair that points to it. The frontier (plain queues of
    /// URLs) is separate from the engine's rate limits, and the run ends by an explicit count of outstanding work,
    /// never by a queue that looks empty while requests are out. Bodies are dropped as soon as links are out.
    /// </summary>
    public sealed class SiteCrawler
    {
        private readonly CrawlSettings _settings;
        private readonly FetchEngine _engine;
        private readonly LinkChecker _checker;
        private readonly PageRevalidation _revalidation;
        private readonly CancellationToken _cancellationToken;
        private readonly Action<CrawlResult> _onResult;
        private readonly Action<string> _onWarning;
        private readonly Action<string, Exception> _onError;
        private readonly Action<string>? _log;

        private readonly object _lock = new();
        private readonly Dictionary<string, CrawlTarget> _targets = new(StringComparer.Ordinal);
        private readonly CrawlFrontier _frontier;
        private readonly Stopwatch _clock = new();
        private readonly string _startKey;
        private readonly NamePool _anchorNames = new();
        private readonly ExternalAnchorReader? _externalAnchors;

        // Parsing is the crawl's CPU work. Capped below the core count, it never takes every thread pool thread, so
        // responses of requests in flight are read as they arrive instead of queueing behind parses (which would
        // stretch every request's latency and hold its engine slot longer).
        private readonly TaskScheduler _parsing =
            new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Math.Max(1, Environment.ProcessorCount - 1)).ConcurrentScheduler;

        // Set before the start URL is queued (robots.txt) or once, under the lock, by the start page (a redirect).
        private CrawlScope _scope;
        private RobotsTxt _robots = RobotsTxt.AllowAll;
        private bool _sitemapRead;
        private IReadOnlyList<string> _discoveredSitemaps = Array.Empty<string>();

        private int _pagesQueued;
        private int _pagesCrawled;
        private int _targetsFinished;
        private int _links;
        private int _broken;
        private int _skipped;
        private long _requests;
        private int _pageLimitHit;
        private int _emitted;

        /// <param name="onResult">Called from worker threads for each (page, link) pair to emit.</param>
        /// <param name="onWarning">Called from worker threads for things the user should know (limits reached, unreadable sitemap).</param>
        /// <param name="onError">Called from worker threads for internal failures (a defect, not a broken link).</param>
        /// <param name="log">Verbose lines, or null.</param>
        /// <param name="holdBack">True while the consumer is behind: no new fetch starts until <see cref="Resume"/>. Null: never.</param>
        public SiteCrawler(CrawlSettings settings, FetchEngine engine, Action<CrawlResult> onResult, Action<string> onWarning,
            Action<string, Exception> onError, Action<string>? log, Func<bool>? holdBack, CancellationToken cancellationToken)
            : this(settings, engine, null, onResult, onWarning, onError, log, holdBack, cancellationToken)
        {
        }

        /// <param name="cache">
        /// Results kept between runs, or null. Checks are read from it (links that are not crawled: other sites, images,
        /// scripts, stylesheets, pages past the limits); pages in the crawl's scope are always asked for, since their
        /// links may have changed, but conditionally when it keeps them (see <see cref="PageRevalidation"/>).
        /// </param>
        public SiteCrawler(CrawlSettings settings, FetchEngine engine, ResultCache? cache, Action<CrawlResult> onResult, Action<string> onWarning,
            Action<string, Exception> onError, Action<string>? log, Func<bool>? holdBack, CancellationToken cancellationToken)
        {
            _settings = settings;
            _engine = engine;
            _checker = new LinkChecker(engine, cache);
            _revalidation = new PageRevalidation(engine, cache);
            _scope = new CrawlScope(settings.StartUrl, settings.StayUnderPath, settings.Include, settings.Exclude);
            _onResult = onResult;
            _onWarning = onWarning;
            _onError = onError;
            _log = log;
            _cancellationToken = cancellationToken;
            _startKey = UrlNormalizer.Key(settings.StartUrl);
            if (settings.CheckFragments && settings.CheckExternalFragments) _externalAnchors = new ExternalAnchorReader(engine, _parsing, _anchorNames);

            // Enough started fetches to keep every engine slot busy; the rest wait as bare URLs.
            _frontier = CrawlFrontier.For(engine, RunAsync, holdBack ?? (() => false), cancellationToken);

            // Headers and credentials go to the start origin only.
            engine.TrustedOrigins.Add(settings.StartUrl);
            engine.RedirectExclusion = uri => _scope.Exclusion(uri);
        }

        /// <summary>Completes when every page and check has finished (or the run was stopped).</summary>
        public Task Completion => _frontier.Completion;

        public int PagesCrawled => Volatile.Read(ref _pagesCrawled);

        public int PagesQueued => Volatile.Read(ref _pagesQueued);

        /// <summary>Unique URLs found and not started yet.</summary>
        public int Waiting => _frontier.Waiting;

        public int UniqueUrls { get { lock (_lock) return _targets.Count; } }

        public int TargetsFinished => Volatile.Read(ref _targetsFinished);

        public int Links => Volatile.Read(ref _links);

        public int Broken => Volatile.Read(ref _broken);

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>Rows handed to onResult so far.</summary>
        public int Emitted => Volatile.Read(ref _emitted);

        /// <summary>Lets a held-back crawl go on once its consumer has caught up.</summary>
        public void Resume() => _frontier.Resume();

        /// <summary>Starts the crawl in the background. Call once.</summary>
        public void Start()
        {
            _clock.Start();
            _frontier.Completion.ContinueWith(_ => _clock.Stop(), TaskScheduler.Default);
            _ = Task.Run(BootstrapAsync);

            // The first page cannot be parsed before its response arrives: set the parser up in the meantime.
            _ = Task.Factory.StartNew(LinkExtractor.Warm, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _parsing);
        }

        public CrawlSummary Summary(int orphans) => new CrawlSummary
        {
            Pages = PagesCrawled,
            Links = Links,
            UniqueUrls = TargetsFinished,
            Broken = Broken,
            Skipped = Volatile.Read(ref _skipped),
            Requests = Interlocked.Read(ref _requests),
            Unchanged = _revalidation.Unchanged,
            Retries = _engine.Statistics.Retries,
            RetryWait = _engine.Statistics.RetryWait,
            Orphans = orphans,
            Elapsed = _clock.Elapsed,
            Cancelled = _cancellationToken.IsCancellationRequested,
        };

        /// <summary>
        /// Pages the sitemap and the links disagree about. Empty unless a sitemap was read; call after <see cref="Completion"/>.
        /// </summary>
        public List<OrphanPage> Orphans()
        {
            if (!_sitemapRead || _cancellationToken.IsCancellationRequested) return new List<OrphanPage>();
            lock (_lock)
            {
                return OrphanFinder.Find(_targets, _startKey);
            }
        }

        private async Task BootstrapAsync()
        {
            try
            {
                if (!_settings.IgnoreRobotsTxt || _settings.DiscoverSitemap) await LoadRobotsAsync().ConfigureAwait(false);
                var start = new ExtractedLink(_settings.StartUrl.OriginalString, _settings.StartUrl, "start", "", "", 0);
                Follow("", -1, start, fromPage: false, fromSitemap: false);
                if (_settings.UsesSitemap) await SeedFromSitemapsAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                _onError(UrlText.Redact(_settings.StartUrl), ex);
            }
            finally
            {
                _frontier.CompleteSeeding();
            }
        }

        private async Task LoadRobotsAsync()
        {
            var robotsUri = new Uri(_settings.StartUrl, "/robots.txt");
            var outcome = await FetchCountedAsync(robotsUri, HttpMethod.Get, readBody: true).ConfigureAwait(false);
            if (outcome.StatusCode is int status && status >= 200 && status < 300 && outcome.Body != null)
            {
                var robots = RobotsTxt.Parse(HtmlDecoding.Decode(outcome.Body, outcome.Charset), _engine.Options.UserAgent);
                if (!_settings.IgnoreRobotsTxt)
                {
                    _robots = robots;
                    if (robots.CrawlDelay is TimeSpan delay && delay > _engine.Options.DelayPerHost)
                    {
                        _engine.SetHostDelay(_settings.StartUrl, delay);
                        _log?.Invoke($"robots.txt asks for a Crawl-delay of {Durations.Format(delay)}; honoured");
                    }
                }

                _discoveredSitemaps = robots.Sitemaps;
            }
        }

        private async Task SeedFromSitemapsAsync()
        {
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

            var seeder = new SitemapSeeder(uri => FetchCountedAsync(uri, HttpMethod.Get, readBody: true), _onWarning,
                _settings.MaxSitemaps, _engine.Options.MaxBodyBytes * 10);
            _sitemapRead = await seeder.SeedAsync(roots, (sitemap, loc) =>
            {
                LinkExtractor.TryResolve(sitemap, loc, out var pageUri);
                Follow(UrlText.Redact(sitemap), -1, new ExtractedLink(loc, pageUri, "sitemap", "loc", "", 0), fromPage: false, fromSitemap: true);
            }).ConfigureAwait(false);
        }

        /// <summary>Records one link found on a page (or in a sitemap, or the start URL) and queues its target if it is new.</summary>
        private void Follow(string sourceUrl, int sourceDepth, ExtractedLink link, bool fromPage, bool fromSitemap) =>
            Follow(sourceUrl, sourceDepth, new[] { link }, fromPage, fromSitemap);

        /// <summary>
        /// Registers a page's links: URLs are normalized outside the lock, then the whole page takes the lock once
        /// (not once a link), and new targets are queued and known verdicts emitted after it is released.
        /// </summary>
        private void Follow(string sourceUrl, int sourceDepth, IReadOnlyList<ExtractedLink> links, bool fromPage, bool fromSitemap)
        {
            // A page read before any link navigated to it has its links held (see PageHold); a link found now may release
            // them, and theirs others: followed in a loop, not by recursion, as a chain of such pages can be long.
            var released = new List<PageHold>();
            FollowLinks(sourceUrl, sourceDepth, links, fromPage, fromSitemap, released);
            for (int i = 0; i < released.Count && !_cancellationToken.IsCancellationRequested; i++)
            {
                var hold = released[i];
                released[i] = null!;
                Interlocked.Increment(ref _pagesCrawled);
                FollowLinks(hold.SourceUrl, hold.Depth, hold.TakeLinks(), fromPage: true, fromSitemap: false, released);
            }
        }

        private void FollowLinks(string sourceUrl, int sourceDepth, IReadOnlyList<ExtractedLink> links, bool fromPage, bool fromSitemap, List<PageHold> released)
        {
            if (fromPage) Interlocked.Add(ref _links, links.Count);
            var pending = new PendingLink[links.Count];
            for (int i = 0; i < links.Count; i++)
            {
                var verdict = Prepare(links[i], out pending[i].Normalized, out pending[i].Key);

                // Patterns judge each link as written (fragment included), before it is one target among others.
                // The start URL is always crawled: patterns choose among the links it leads to.
                if (verdict == null && links[i].Element != "start" && _scope.Refusal(links[i].Target!) is string refusal)
                {
                    // The URL it would have been fetched as (host mapped, normalized), as for every other target.
                    verdict = TargetVerdict.Skipped(FailureKind.Excluded, refusal, UrlText.Redact(pending[i].Normalized ?? links[i].Target!));
                    pending[i].Key = null;
                }

                if (verdict != null) Publish(new LinkReference(sourceUrl, sourceDepth, links[i]), verdict, null);

                // Matched here, outside the lock: robots.txt is the site's text, and output and Ctrl+C must never wait on it.
                pending[i].RobotsRefused = pending[i].Normalized is Uri normalized && _robots.HasRules &&
                                           _scope.IsSameOrigin(normalized) && !_robots.IsAllowed(normalized, _cancellationToken);
            }

            lock (_lock)
            {
                for (int i = 0; i < links.Count; i++)
                {
                    if (pending[i].Key is not string key) continue;
                    if (!_targets.TryGetValue(key, out var target))
                    {
                        target = Create(pending[i].Normalized!, key, sourceDepth + 1, links[i], pending[i].RobotsRefused);
                        _targets.Add(key, target);
                        pending[i].IsNew = true;
                    }

                    if (fromPage) target.Linked = true;
                    if (fromSitemap) target.InSitemap = true;
                    if (target.Hold != null && Reads(links[i])) target.Hold.Want(released);
                    if (target.Verdict == null)
                    {
                        // Reported when the verdict arrives; a failing sitemap entry is reported against the sitemap.
                        (target.Waiting ??= new List<LinkReference>()).Add(new LinkReference(sourceUrl, sourceDepth, links[i], UrlText.Redact(target.Uri)));
                        pending[i].Waiting = true;
                    }

                    pending[i].Target = target;
                }
            }

            for (int i = 0; i < links.Count; i++)
            {
                if (pending[i].Target is not CrawlTarget target) continue;
                if (pending[i].IsNew && target.Role != TargetRole.Skipped) _frontier.Add(target);
                if (!pending[i].Waiting) Publish(new LinkReference(sourceUrl, sourceDepth, links[i]), target.Verdict!, target.Anchors);
            }
        }

        /// <summary>Whether following the link reads the page it leads to: a navigation, the start URL, a sitemap entry.</summary>
        private static bool Reads(ExtractedLink link) => link.IsNavigation || link.Element == "start" || link.Element == "sitemap";

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
        private static TargetVerdict? Prepare(ExtractedLink link, out Uri? normalized, out string? key)
        {
            normalized = null;
            key = null;
            var uri = link.Target;
            if (uri == null)
            {
                return new TargetVerdict(LinkStatus.Broken, FailureKind.InvalidUrl, $"'{link.Raw}' is not a valid URL", null, link.Raw, 0);
            }

            if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            {
                return TargetVerdict.Skipped(FailureKind.UnsupportedScheme, uri.Scheme + ": links are not checked", link.Raw);
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
                return new TargetVerdict(LinkStatus.Broken, FailureKind.InvalidUrl, $"'{link.Raw}' is not a valid URL", null, link.Raw, 0);
            }
        }

        /// <summary>Decides how a new URL is handled. Called under the lock, once per unique URL.</summary>
        private CrawlTarget Create(Uri uri, string key, int depth, ExtractedLink link, bool robotsRefused)
        {
            if (robotsRefused)
            {
                if (link.Element == "start") _onWarning($"robots.txt disallows {UrlText.Redact(uri)} for this user agent, so nothing was crawled; -IgnoreRobotsTxt crawls your own site anyway.");
                return Skipped(uri, key, depth, "robots.txt disallows it for this user agent");
            }

            // Whether it is fetched and read as a page depends on the URL, not on the link that happened to arrive first:
            // a page a <link rel="next"> names is read too, and its links are followed once a navigation reaches it.
            bool crawlable = _scope.IsInside(uri) && !CrawlScope.IsObviouslyNotAPage(uri);
            if (crawlable && _settings.MaxDepth >= 0 && depth > _settings.MaxDepth) crawlable = false;
            if (crawlable && _pagesQueued >= _settings.MaxPages)
            {
                crawlable = false;
                if (Interlocked.Exchange(ref _pageLimitHit, 1) == 0)
                {
                    _onWarning($"-MaxPages {_settings.MaxPages} reached: further pages are checked but not crawled.");
                }
            }

            if (!crawlable)
            {
                // Decided by the URL alone, as a page's role is, so every run reads the same external pages.
                bool readsAnchors = _externalAnchors != null && !_scope.IsInside(uri) && !CrawlScope.IsObviouslyNotAPage(uri);
                return new CrawlTarget(uri, key, Math.Max(0, depth), readsAnchors ? TargetRole.Anchors : TargetRole.Check);
            }

            _pagesQueued++;
            return new CrawlTarget(uri, key, Math.Max(0, depth), TargetRole.Page) { Hold = new PageHold() };
        }

        private CrawlTarget Skipped(Uri uri, string key, int depth, string reason) =>
            new CrawlTarget(uri, key, Math.Max(0, depth), TargetRole.Skipped) { Verdict = TargetVerdict.Skipped(FailureKind.Excluded, reason, UrlText.Redact(uri)) };

        private async Task RunAsync(CrawlTarget target)
        {
            try
            {
                if (target.Role == TargetRole.Page) await CrawlPageAsync(target).ConfigureAwait(false);
                else if (target.Role == TargetRole.Anchors) await ReadAnchorsAsync(target).ConfigureAwait(false);
                else await CheckAsync(target).ConfigureAwait(false);
                Interlocked.Increment(ref _targetsFinished);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // Stopped: what finished is already out.
            }
            catch (Exception ex)
            {
                _onError(UrlText.Redact(target.Uri), ex);
            }
        }

        private async Task CheckAsync(CrawlTarget target)
        {
            var result = await _checker.CheckAsync(target.Uri, _cancellationToken).ConfigureAwait(false);
            if (!result.FromCache) Interlocked.Add(ref _requests, result.Attempts + result.RedirectCount);
            Complete(target, TargetVerdict.From(result), anchors: null);
        }

        private async Task ReadAnchorsAsync(CrawlTarget target)
        {
            var (verdict, anchors, requests) = await _externalAnchors!.ReadAsync(target.Uri, _cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _requests, requests);
            Complete(target, verdict, anchors);
        }

        private async Task CrawlPageAsync(CrawlTarget target)
        {
            PageLinks? page = null;
            IReadOnlyList<ExtractedLink>? sheet = null;
            CrawlTarget? parsedAs = null;
            Uri finalUri;
            TargetVerdict verdict;
            {
                // The body lives only in this block: it is parsed, and dropped with the outcome.
                var fetch = await _revalidation.FetchAsync(target.Uri, _cancellationToken).ConfigureAwait(false);
                var outcome = fetch.Outcome;
                Interlocked.Add(ref _requests, outcome.Attempts + outcome.RedirectCount);
                var (status, kind, reason) = fetch.Verdict(_engine.Options.AcceptStatusCodes);
                finalUri = outcome.FinalUri;
                verdict = new TargetVerdict(status, kind, reason, outcome.StatusCode, UrlText.Redact(finalUri), (long)outcome.Elapsed.TotalMilliseconds);
                if (verdict.Works && target.Depth == 0 && target.Key == _startKey) FollowStartRedirect(finalUri);
                if (fetch.Unchanged != null)
                {
                    parsedAs = ClaimParse(target, finalUri);
                    if (parsedAs != null) page = fetch.Unchanged;
                }
                else if (verdict.Works && outcome.Body != null && HtmlDecoding.IsStylesheet(outcome.ContentType))
                {
                    var body = outcome.Body;
                    var charset = outcome.Charset;
                    sheet = await Task.Factory.StartNew(() => LinkExtractor.ExtractCss(body, charset, finalUri), CancellationToken.None,
                        TaskCreationOptions.DenyChildAttach, _parsing).ConfigureAwait(false);
                }
                else if (verdict.Works && outcome.Body != null && HtmlDecoding.IsHtml(outcome.ContentType, outcome.Body))
                {
                    parsedAs = ClaimParse(target, finalUri);
                    if (parsedAs != null)
                    {
                        var body = outcome.Body;
                        var charset = outcome.Charset;
                        // Not cancellable once fetched: a page waiting for the parser still gets its verdict at a stop,
                        // so the links waiting on it are reported (a parse takes about 0.1 ms).
                        page = await Task.Factory.StartNew(() => LinkExtractor.Extract(body, charset, finalUri), CancellationToken.None,
                            TaskCreationOptions.DenyChildAttach, _parsing).ConfigureAwait(false);
                        if (parsedAs == target) _revalidation.Remember(target.Uri, outcome, page);
                    }
                }
            }

            var anchors = page != null && _settings.CheckFragments ? FragmentTargets.From(page.Anchors, _anchorNames) : null;
            Complete(target, verdict, anchors);
            if (parsedAs != null && parsedAs != target)
            {
                // The URL the redirect landed on answered by itself: links straight to it are Ok.
                var landed = new TargetVerdict(LinkStatus.Ok, FailureKind.None, "HTTP " + verdict.StatusCode, verdict.StatusCode, verdict.FinalUrl, verdict.ElapsedMs);
                Complete(parsedAs, landed, anchors);
            }

            if (_cancellationToken.IsCancellationRequested) return;
            if (sheet != null)
            {
                // The site's own style sheet: the images and fonts it names are its page's resources, whoever linked it.
                Follow(UrlText.Redact(finalUri), target.Depth, sheet, fromPage: true, fromSitemap: false);
                return;
            }

            if (page == null) return;
            bool read;
            lock (_lock)
            {
                read = parsedAs!.Hold!.Read(page, UrlText.Redact(finalUri), target.Depth);
            }

            if (!read) return;
            Interlocked.Increment(ref _pagesCrawled);
            Follow(UrlText.Redact(finalUri), target.Depth, page.Links, fromPage: true, fromSitemap: false);
        }

        /// <summary>
        /// When the start URL redirects to another origin (http to https, example.com to www.example.com), the site is
        /// where it landed: the scope moves there. Headers and credentials follow only an upgrade to https on the same host.
        /// </summary>
        private void FollowStartRedirect(Uri finalUri)
        {
            if (string.Equals(TrustedOrigins.OriginOf(finalUri), TrustedOrigins.OriginOf(_settings.StartUrl), StringComparison.OrdinalIgnoreCase)) return;
            lock (_lock)
            {
                _scope = _scope.MovedTo(finalUri);
            }

            if (TrustedOrigins.IsUpgrade(_settings.StartUrl, finalUri)) _engine.TrustedOrigins.Add(finalUri);
            _log?.Invoke($"The start URL redirects to {UrlText.Redact(finalUri)}; the crawl follows the site there");
        }

        /// <summary>
        /// The target this fetch parses the page as: itself at its own URL; after a redirect, the final URL when it is in
        /// scope and not known yet (it is then marked visited, so it is not fetched again). Null: do not parse.
        /// </summary>
        private CrawlTarget? ClaimParse(CrawlTarget target, Uri finalUri)
        {
            var finalKey = UrlNormalizer.Key(finalUri);
            bool robotsRefused = finalKey != target.Key && !_robots.IsAllowed(finalUri, _cancellationToken); // outside the lock
            lock (_lock)
            {
                if (finalKey == target.Key)
                {
                    target.Parsed = true;
                    return target;
                }

                if (!_scope.IsInside(finalUri) || _targets.ContainsKey(finalKey) || robotsRefused) return null;

                // One page under two URLs: a navigation to either reads it.
                var landed = new CrawlTarget(UrlNormalizer.Normalize(finalUri), finalKey, target.Depth, TargetRole.Page) { Parsed = true, Linked = target.Linked, Hold = target.Hold };
                _targets.Add(finalKey, landed);
                return landed;
            }
        }

        private void Complete(CrawlTarget target, TargetVerdict verdict, FragmentTargets? anchors)
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
                Publish(reference, verdict, anchors);
            }
        }

        /// <summary>Turns the verdict on a target into the row for one (page, link) pair, checking the fragment, and emits it when wanted.</summary>
        private void Publish(in LinkReference link, TargetVerdict verdict, FragmentTargets? anchors)
        {
            var status = verdict.Status;
            var kind = verdict.Kind;
            string reason = verdict.Reason;
            if (_settings.CheckFragments && anchors != null && verdict.Works)
            {
                string fragment = link.Fragment;
                if (fragment.Length > 0 && !anchors.Finds(fragment))
                {
                    status = LinkStatus.Broken;
                    kind = FailureKind.MissingFragment;
                    reason = $"the page has no element with id or name '{fragment}' ({verdict.Reason})";
                }
            }

            bool broken = status == LinkStatus.Broken;
            if (broken) Interlocked.Increment(ref _broken);
            if (status == LinkStatus.Skipped) Interlocked.Increment(ref _skipped);

            bool wanted = status == LinkStatus.Skipped ? _settings.IncludeSkipped : broken || _settings.IncludeAll;
            if (!wanted) return;

            Interlocked.Increment(ref _emitted);
            _onResult(new CrawlResult
            {
                SourceUrl = link.SourceUrl,
                Url = link.Url,
                FinalUrl = verdict.FinalUrl,
                Status = status,
                StatusCode = verdict.StatusCode,
                FailureKind = kind,
                Reason = reason,
                Element = link.Element,
                Attribute = link.Attribute,
                LinkText = link.Text,
                Line = link.Line,
                Depth = Math.Max(0, link.SourceDepth),
                ElapsedMs = verdict.ElapsedMs,
                FromCache = verdict.FromCache,
            });
        }

        private async Task<FetchOutcome> FetchCountedAsync(Uri uri, HttpMethod method, bool readBody)
        {
            var outcome = await _engine.FetchAsync(uri, method, readBody, _cancellationToken).ConfigureAwait(false);
            Interlocked.Add(ref _requests, outcome.Attempts + outcome.RedirectCount);
            return outcome;
        }
    }
}
