using System;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// How a crawl fetches its pages when there is a result cache: a page kept from the last run is asked for with
    /// If-None-Match / If-Modified-Since, and a 304 hands back its cached links and fragment targets instead of a body
    /// to parse; a page that answers 200 is parsed as usual and kept for the next run. Without a cache, a plain GET.
    /// </summary>
    internal sealed class PageRevalidation
    {
        private readonly FetchEngine _engine;
        private readonly CachedPages? _pages;
        private int _unchanged;

        public PageRevalidation(FetchEngine engine, ResultCache? cache)
        {
            _engine = engine;
            _pages = cache?.Pages;
        }

        /// <summary>Pages the server answered 304, whose cached links were used.</summary>
        public int Unchanged => Volatile.Read(ref _unchanged);

        public async Task<PageFetch> FetchAsync(Uri uri, CancellationToken cancellationToken)
        {
            if (_pages == null) return new PageFetch(await _engine.FetchAsync(uri, System.Net.Http.HttpMethod.Get, readBody: true, cancellationToken).ConfigureAwait(false), null);
            var validators = _pages.ValidatorsOf(uri);
            var outcome = await _engine.FetchPageAsync(uri, validators, cancellationToken).ConfigureAwait(false);

            // Only the URL asked for carried the validators: a 304 after a redirect was not an answer to them.
            if (validators == null || outcome.Failure != FailureKind.None || outcome.StatusCode != 304 || outcome.RedirectCount > 0) return new PageFetch(outcome, null);
            var reused = _pages.Reuse(uri, DateTimeOffset.UtcNow);
            if (reused == null) return new PageFetch(outcome, null);
            Interlocked.Increment(ref _unchanged);
            return new PageFetch(outcome, reused);
        }

        /// <summary>Keeps a page parsed from a 200 at the URL asked for (not through a redirect) for the next run.</summary>
        public void Remember(Uri uri, FetchOutcome outcome, PageLinks page)
        {
            if (_pages == null || outcome.RedirectCount > 0) return;
            _pages.Record(uri, outcome.Validators, page, DateTimeOffset.UtcNow);
        }
    }

    /// <summary>A page's fetch: the outcome, and the links kept from the last run when the server said it is unchanged.</summary>
    internal readonly struct PageFetch
    {
        public PageFetch(FetchOutcome outcome, PageLinks? unchanged)
        {
            Outcome = outcome;
            Unchanged = unchanged;
        }

        public FetchOutcome Outcome { get; }

        /// <summary>The cached links of a page answered 304; null for any other answer.</summary>
        public PageLinks? Unchanged { get; }
    }
}
