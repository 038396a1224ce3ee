using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Text;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Fetches a crawl's pages (GET with the body, revalidated when the result cache keeps them, every request counted)
    /// and reads them: judged as any checked link is, then parsed for links, as HTML or as a style sheet, on a scheduler
    /// of its own.
    /// </summary>
    internal sealed class PageFetcher
    {
        private readonly FetchEngine _engine;
        private readonly LinkChecker _checker;
        private readonly PageRevalidation _revalidation;
        private readonly CrawlTally _tally;
        private readonly CancellationToken _cancellationToken;

        // Parsing is the crawl's CPU work. Capped below the core count, it never takes every thread pool thread, so
        // responses of requests in flight are read as they arrive instead of queueing behind parses (which would
        // stretch every request's latency and hold its engine slot longer).
        private readonly TaskScheduler _parsing =
            new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Math.Max(1, Environment.ProcessorCount - 1)).ConcurrentScheduler;

        /// <param name="cache">Results kept between runs, pages among them, or null.</param>
        public PageFetcher(LinkChecker checker, ResultCache? cache, CrawlTally tally, CancellationToken cancellationToken)
        {
            _engine = checker.Engine;
            _checker = checker;
            _revalidation = new PageRevalidation(_engine, cache);
            _tally = tally;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Sets the parser up while the first response is on its way (it cannot be parsed before it arrives).</summary>
        public void Warm() => _ = Task.Factory.StartNew(LinkExtractor.Warm, CancellationToken.None, TaskCreationOptions.DenyChildAttach, _parsing);

        /// <summary>GETs <paramref name="uri"/> with its body, counting the requests it took.</summary>
        public async Task<FetchOutcome> GetAsync(Uri uri)
        {
            var outcome = await _engine.FetchAsync(uri, HttpMethod.Get, readBody: true, _cancellationToken).ConfigureAwait(false);
            _tally.AddRequests(outcome.Attempts + outcome.RedirectCount);
            return outcome;
        }

        /// <summary>Pages the server answered 304, whose cached links were used.</summary>
        public int Unchanged => _revalidation.Unchanged;

        /// <summary>GETs a page of the crawl, conditionally when the cache keeps it, counting the requests it took.</summary>
        public async Task<PageFetch> GetPageAsync(Uri uri)
        {
            var fetch = await _revalidation.FetchAsync(uri, _cancellationToken).ConfigureAwait(false);
            _tally.AddRequests(fetch.Outcome.Attempts + fetch.Outcome.RedirectCount);
            return fetch;
        }

        /// <summary>Keeps a page parsed from a 200 at the URL asked for for the next run, when there is a cache.</summary>
        public void Remember(Uri uri, FetchOutcome outcome, PageLinks page) => _revalidation.Remember(uri, outcome, page);

        /// <summary>The verdict on a fetch the crawl made itself, made as a checked link's is.</summary>
        public Verdict Judge(Uri uri, FetchOutcome outcome) => Verdict.From(_checker.Judge(uri, outcome, DateTimeOffset.UtcNow));

        /// <summary>A page's verdict: a 304 to the conditional request is the page, unchanged; anything else as always.</summary>
        public Verdict Judge(Uri uri, PageFetch fetch)
        {
            if (fetch.Unchanged == null) return Judge(uri, fetch.Outcome);
            var outcome = fetch.Outcome;
            return new Verdict(LinkStatus.Ok, FailureKind.None, outcome.Reason + " (unchanged since the cached visit: its links were read from the cache)",
                outcome.StatusCode, UrlText.Redact(outcome.FinalUri), (long)outcome.Elapsed.TotalMilliseconds);
        }

        public static bool IsStylesheet(FetchOutcome outcome) => outcome.Body != null && HtmlDecoding.IsStylesheet(outcome.ContentType);

        public static bool IsHtml(FetchOutcome outcome) => outcome.Body != null && HtmlDecoding.IsHtml(outcome.ContentType, outcome.Body);

        // Not cancellable once fetched: a page waiting for the parser still gets its verdict at a stop, so the links
        // waiting on it are reported (a parse takes about 0.1 ms).
        public Task<PageLinks> ParseHtmlAsync(FetchOutcome outcome) =>
            Parse(outcome, (body, charset, uri) => LinkExtractor.Extract(body, charset, uri));

        public Task<IReadOnlyList<ExtractedLink>> ParseStylesheetAsync(FetchOutcome outcome) =>
            Parse(outcome, (body, charset, uri) => LinkExtractor.ExtractCss(body, charset, uri));

        private Task<T> Parse<T>(FetchOutcome outcome, Func<byte[], string?, Uri, T> parse)
        {
            var body = outcome.Body!;
            var charset = outcome.Charset;
            var uri = outcome.FinalUri;
            return Task.Factory.StartNew(() => parse(body, charset, uri), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _parsing);
        }
    }
}
