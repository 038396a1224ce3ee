using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Http;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>A bodiless look at a URL for monitoring: HEAD, or GET where the server will not answer HEAD.</summary>
    internal static class HeadProbe
    {
        /// <summary>
        /// HEAD first; a server that refuses it (405, 501) or forbids it (403) gets a GET, whose answer is the real one.
        /// The body is never read.
        /// </summary>
        public static async Task<FetchOutcome> FetchAsync(FetchEngine engine, Uri uri, CancellationToken cancellationToken)
        {
            var outcome = await engine.FetchAsync(uri, HttpMethod.Head, readBody: false, cancellationToken).ConfigureAwait(false);
            if (outcome.StatusCode is not (403 or 405 or 501)) return outcome;
            return await engine.FetchAsync(uri, HttpMethod.Get, readBody: false, cancellationToken).ConfigureAwait(false);
        }
    }
}
