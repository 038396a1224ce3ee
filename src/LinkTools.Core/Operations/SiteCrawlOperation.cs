using System;
using System.Threading;
using LinkTools.Core.Caching;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Urls;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Operations
{
    /// <summary>
    /// Invoke-SiteCrawl's body: crawls one site on worker threads and streams a <see cref="CrawlResult"/> per (page, link)
    /// (only broken ones unless asked for all), then <see cref="OrphanPage"/> objects when asked, and a summary on the
    /// information (tag "Summary") and verbose streams.
    /// </summary>
    public sealed class SiteCrawlOperation : PipelineOperation
    {
        private const int ProgressId = 3;
        private readonly CrawlSettings _settings;
        private readonly FetchEngine _engine;
        private readonly SiteCrawler _crawler;
        private readonly ResultCache? _cache;
        private readonly System.Diagnostics.Stopwatch _clock = new();

        /// <exception cref="ArgumentException">An -Include or -Exclude pattern is not a valid regular expression.</exception>
        public SiteCrawlOperation(CrawlSettings settings, IPipelineSink sink) : base(sink, settings.Ci)
        {
            _settings = settings;
            _engine = new FetchEngine(settings.Engine, sink.IsVerboseEnabled ? Output.WriteVerbose : null);
            try
            {
                _cache = CacheSession.Open(settings.Cache, Sink);
                _crawler = new SiteCrawler(settings, _engine, _cache, Stopping);
            }
            catch
            {
                _engine.Dispose();
                throw;
            }
        }

        /// <summary>The totals, once <see cref="Run()"/> has returned.</summary>
        public CrawlSummary? Summary { get; private set; }

        public int BrokenCount => _crawler.Broken;

        /// <summary>Crawls the site, writing results on the calling (pipeline) thread as they are found; returns when done or stopped.</summary>
        public CrawlSummary Run()
        {
            if (Sink.IsVerboseEnabled) Sink.WriteVerbose("Crawling " + UrlText.Redact(_settings.StartUrl));
            _clock.Start();
            var relay = CrawlEventRelay.Start(_crawler.Events, Output, Sink.IsVerboseEnabled, OnError);
            _crawler.Start();
            // A crawl held back by a slow consumer goes on once the pipeline has caught up.
            PumpUntil(relay, () => _crawler.CaughtUp(Output.ObjectsDrained));

            var orphans = _settings.ReportOrphans ? _crawler.Orphans() : new System.Collections.Generic.List<OrphanPage>();
            foreach (var orphan in orphans) Sink.WriteObject(orphan);

            Output.DrainTo(Sink);
            CompleteProgress();
            if (!IsStopping) CacheSession.Save(_cache, Sink);
            var summary = _crawler.Summary(orphans.Count);
            Summary = summary;
            if (!IsStopping && HostCapNotice.For(_engine) is string notice) Sink.WriteWarning(notice);
            WriteSummary(summary.ToString(), inform: true);
            return summary;
        }

        /// <summary>Runs a crawl to the end with <paramref name="sink"/> receiving its output (for benchmarks and hosts).</summary>
        public static CrawlSummary Run(CrawlSettings settings, IPipelineSink sink)
        {
            using var operation = new SiteCrawlOperation(settings, sink);
            return operation.Run();
        }


        private void OnError(CrawlEvent error) =>
            Output.WriteError(new PipelineError(error.Exception!, "CrawlFailed", PipelineErrorCategory.NotSpecified, error.Text));

        protected override ProgressInfo? CurrentProgress()
        {
            int crawled = _crawler.PagesCrawled;
            int queued = Math.Max(0, _crawler.PagesQueued - crawled);
            return new ProgressInfo(ProgressId, "Invoke-SiteCrawl " + UrlText.Redact(_settings.StartUrl),
                $"{crawled} pages crawled, {queued} queued; {_crawler.Links} links, {_crawler.TargetsFinished} of {_crawler.UniqueUrls} URLs checked; {_crawler.Broken} broken links")
            {
                CurrentOperation = string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0:0} requests/s, {1} in flight, {2} URLs waiting",
                    _clock.Elapsed.TotalSeconds > 0 ? _engine.Statistics.Requests / _clock.Elapsed.TotalSeconds : 0, _engine.InFlight, _crawler.Waiting),
            };
        }

        public override void Dispose()
        {
            Stop();
            _engine.Dispose();
            base.Dispose();
        }
    }
}
