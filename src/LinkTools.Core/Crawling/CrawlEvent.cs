using System;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Crawling
{
    /// <summary>What a crawl hands its consumer.</summary>
    public enum CrawlEventKind
    {
        /// <summary>A row for one (page, link) pair: <see cref="CrawlEvent.Result"/>.</summary>
        Result,

        /// <summary>Something the user should know (a limit reached, an unreadable sitemap): <see cref="CrawlEvent.Text"/>.</summary>
        Warning,

        /// <summary>A detail for -Verbose: <see cref="CrawlEvent.Text"/>.</summary>
        Verbose,

        /// <summary>An internal failure (a defect or an unreadable file, not a broken link) at <see cref="CrawlEvent.Text"/>: <see cref="CrawlEvent.Exception"/>.</summary>
        Error,

        /// <summary>A path given that cannot be read (<see cref="CrawlEvent.Text"/>), and why (<see cref="CrawlEvent.Reason"/>).</summary>
        BadInput,
    }

    /// <summary>One item of a crawl's output channel: its results, warnings, verbose lines and errors, in the order they happened.</summary>
    public readonly struct CrawlEvent
    {
        private CrawlEvent(CrawlEventKind kind, CrawlResult? result, string text, string reason, Exception? exception)
        {
            Kind = kind;
            Result = result;
            Text = text;
            Reason = reason;
            Exception = exception;
        }

        public CrawlEventKind Kind { get; }

        public CrawlResult? Result { get; }

        /// <summary>The message, or the URL or path an error or bad input is about.</summary>
        public string Text { get; }

        public string Reason { get; }

        public Exception? Exception { get; }

        internal static CrawlEvent Row(CrawlResult result) => new CrawlEvent(CrawlEventKind.Result, result, "", "", null);

        internal static CrawlEvent Warning(string message) => new CrawlEvent(CrawlEventKind.Warning, null, message, "", null);

        internal static CrawlEvent Verbose(string message) => new CrawlEvent(CrawlEventKind.Verbose, null, message, "", null);

        internal static CrawlEvent Error(string where, Exception exception) => new CrawlEvent(CrawlEventKind.Error, null, where, "", exception);

        internal static CrawlEvent BadInput(string path, string why) => new CrawlEvent(CrawlEventKind.BadInput, null, path, why, null);
    }
}
