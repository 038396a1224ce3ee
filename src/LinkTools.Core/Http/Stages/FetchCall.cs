using System;
using System.Collections.Generic;
using System.Net.Http;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>One request as it travels down the stages: what was asked, and what the stages above decided for it.</summary>
    internal sealed class FetchCall
    {
        public FetchCall(Uri uri, HttpMethod method, bool readBody)
        {
            Uri = uri;
            Method = method;
            ReadBody = readBody;
        }

        /// <summary>The URL asked for; during redirects, the hop being requested.</summary>
        public Uri Uri { get; }

        public HttpMethod Method { get; }

        public bool ReadBody { get; }

        /// <summary>
        /// The check policy a probe is judged by (null for a fetch that is not one): what counts as a failed HEAD, and
        /// with Method Auto, that such a HEAD is confirmed by one GET.
        /// </summary>
        public CheckPolicy? Policy { get; set; }

        /// <summary>
        /// Served before other waiting calls at the host's and the run's gates: a crawl's pages, which reveal the rest of
        /// its work (a page queued behind the checks found before it delays everything it links to).
        /// </summary>
        public bool Urgent { get; set; }

        /// <summary>A HEAD that fails is confirmed by one GET (Method Auto).</summary>
        public bool ConfirmWithGet => Policy?.Method == CheckMethod.Auto;

        /// <summary>False for a confirming GET: retries belong to the verdict, and the HEAD already had them.</summary>
        public bool MayRetry { get; set; } = true;

        /// <summary>Set by the retry stage: send this attempt on a new connection, not the one that just failed.</summary>
        public bool FreshConnection { get; set; }

        /// <summary>
        /// Set by the retry stage on a failed HEAD of a healthy host: its confirming GET, due anyway, is the prompt retry
        /// (sent on a new connection after the wait), so the HEAD is not sent again.
        /// </summary>
        public bool RetryByGet { get; set; }

        /// <summary>Set by the host gate: this attempt is the probe of a host parked for an outage.</summary>
        public bool IsProbe { get; set; }

        /// <summary>
        /// Validators of the page as last seen: sent as If-None-Match / If-Modified-Since to the URL asked for only (a
        /// redirect hop is another resource), so a 304 means that very page is unchanged.
        /// </summary>
        public PageValidators? IfChanged { get; set; }

        /// <summary>Keep the answer's ETag and Last-Modified in the outcome (a page fetch the result cache remembers).</summary>
        public bool KeepValidators { get; set; }

        /// <summary>Re-sends of this call so far (0 on the first attempt).</summary>
        public int Retry { get; set; }

        /// <summary>Every URL requested in the current attempt, in order; kept by the attempt and redirect stages.</summary>
        public List<Uri> Chain { get; set; } = null!;

        /// <summary>The same request for the next redirect hop.</summary>
        public FetchCall Hop(Uri target, HttpMethod method) => new FetchCall(target, method, ReadBody)
        {
            FreshConnection = FreshConnection,
            KeepValidators = KeepValidators,
            Chain = Chain,
        };

        /// <summary>The GET that confirms a failed HEAD: no body, no retries of its own; when it is the HEAD's retry, a re-send on a new connection.</summary>
        public FetchCall ConfirmingGet() => new FetchCall(Uri, HttpMethod.Get, readBody: false)
        {
            MayRetry = false,
            FreshConnection = RetryByGet,
            Retry = RetryByGet ? 1 : 0,
        };
    }
}
