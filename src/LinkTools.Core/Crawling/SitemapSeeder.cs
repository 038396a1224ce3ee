using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Reads sitemaps and sitemap indexes breadth-first, each file once and at most a set number of files (index loops
    /// and traps end there), and hands every listed page to the crawl as it is read.
    /// </summary>
    internal sealed class SitemapSeeder
    {
        private readonly Func<Uri, Task<FetchOutcome>> _fetch;
        private readonly Action<string> _onWarning;
        private readonly int _maxSitemaps;
        private readonly long _maxBytes;

        /// <param name="fetch">GETs a sitemap with its body.</param>
        /// <param name="maxBytes">Most bytes a gzipped sitemap may expand to.</param>
        public SitemapSeeder(Func<Uri, Task<FetchOutcome>> fetch, Action<string> onWarning, int maxSitemaps, long maxBytes)
        {
            _fetch = fetch;
            _onWarning = onWarning;
            _maxSitemaps = maxSitemaps;
            _maxBytes = maxBytes;
        }

        /// <summary>Reads <paramref name="roots"/> and the sitemaps they point to; returns whether any file could be read.</summary>
        /// <param name="onPage">Receives each listed page: the sitemap that lists it and the URL as written.</param>
        public async Task<bool> SeedAsync(IEnumerable<Uri> roots, Action<Uri, string> onPage)
        {
            var pending = new Queue<Uri>(roots);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            bool anyRead = false;
            while (pending.Count > 0 && seen.Count < _maxSitemaps)
            {
                var sitemapUri = pending.Dequeue();
                if (!seen.Add(UrlNormalizer.Key(sitemapUri))) continue;
                var document = await ReadAsync(sitemapUri).ConfigureAwait(false);
                if (document == null) continue;
                anyRead = true;
                foreach (var child in document.Sitemaps)
                {
                    if (LinkExtractor.TryResolve(sitemapUri, child, out var childUri)) pending.Enqueue(childUri);
                }

                foreach (var loc in document.Pages) onPage(sitemapUri, loc);
            }

            if (pending.Count > 0) _onWarning($"More than {_maxSitemaps} sitemaps are listed; the rest were not read.");
            return anyRead;
        }

        private async Task<SitemapDocument?> ReadAsync(Uri uri)
        {
            var outcome = await _fetch(uri).ConfigureAwait(false);
            if (!(outcome.StatusCode is int status && status >= 200 && status < 300) || outcome.Body == null)
            {
                _onWarning($"The sitemap {UrlText.Redact(uri)} could not be read: {outcome.Reason}");
                return null;
            }

            try
            {
                return SitemapDocument.Parse(outcome.Body, _maxBytes);
            }
            catch (InvalidDataException ex)
            {
                _onWarning($"The sitemap {UrlText.Redact(uri)} could not be read: {ex.Message}");
                return null;
            }
        }
    }
}
