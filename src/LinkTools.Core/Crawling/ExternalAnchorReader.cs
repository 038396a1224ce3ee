using System;
using System.Threading.Tasks;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// -CheckExternalFragments: a page outside the crawl is fetched once with GET, down the same request path as the
    /// crawl's pages and bounded by the same MaxBodyBytes, and its ids and names are read so the fragments links name on
    /// it are checked. Its links are not followed.
    /// </summary>
    internal sealed class ExternalAnchorReader
    {
        private readonly PageFetcher _fetcher;
        private readonly NamePool _names;

        public ExternalAnchorReader(PageFetcher fetcher, NamePool names)
        {
            _fetcher = fetcher;
            _names = names;
        }

        /// <returns>
        /// The verdict, and the page's ids and names (null when it is not HTML, or was cut at MaxBodyBytes: a fragment is
        /// then not known to be missing).
        /// </returns>
        public async Task<(Verdict Verdict, FragmentTargets? Anchors)> ReadAsync(Uri uri)
        {
            var outcome = await _fetcher.GetAsync(uri).ConfigureAwait(false);
            var verdict = _fetcher.Judge(uri, outcome);
            FragmentTargets? anchors = null;
            if (verdict.Works && !outcome.BodyTruncated && PageFetcher.IsHtml(outcome))
            {
                var page = await _fetcher.ParseHtmlAsync(outcome).ConfigureAwait(false);
                anchors = FragmentTargets.From(page.Anchors, _names);
            }

            return (verdict, anchors);
        }
    }
}
