using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Http;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// -CheckExternalFragments: a page outside the crawl is fetched once with GET, down the same request path as the
    /// crawl's pages and bounded by the same MaxBodyBytes, and its ids and names are read so the fragments links name on
    /// it are checked. Its links are not followed.
    /// </summary>
    internal sealed class ExternalAnchorReader
    {
        private readonly FetchEngine _engine;
        private readonly TaskScheduler _parsing;
        private readonly NamePool _names;

        public ExternalAnchorReader(FetchEngine engine, TaskScheduler parsing, NamePool names)
        {
            _engine = engine;
            _parsing = parsing;
            _names = names;
        }

        /// <returns>
        /// The verdict, the page's ids and names (null when it is not HTML, or was cut at MaxBodyBytes: a fragment is then
        /// not known to be missing), and the requests it took.
        /// </returns>
        public async Task<(TargetVerdict Verdict, FragmentTargets? Anchors, int Requests)> ReadAsync(Uri uri, CancellationToken cancellationToken)
        {
            var outcome = await _engine.FetchAsync(uri, HttpMethod.Get, readBody: true, cancellationToken).ConfigureAwait(false);
            var verdict = TargetVerdict.Of(outcome, _engine.Options.AcceptStatusCodes);
            FragmentTargets? anchors = null;
            if (verdict.Works && outcome.Body is byte[] body && !outcome.BodyTruncated && HtmlDecoding.IsHtml(outcome.ContentType, body))
            {
                string? charset = outcome.Charset;
                var finalUri = outcome.FinalUri;
                var page = await Task.Factory.StartNew(() => LinkExtractor.Extract(body, charset, finalUri), CancellationToken.None,
                    TaskCreationOptions.DenyChildAttach, _parsing).ConfigureAwait(false);
                anchors = FragmentTargets.From(page.Anchors, _names);
            }

            return (verdict, anchors, outcome.Attempts + outcome.RedirectCount);
        }
    }
}
