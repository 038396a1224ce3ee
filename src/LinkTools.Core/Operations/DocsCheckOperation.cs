using System;
using LinkTools.Core.Crawling;
using LinkTools.Core.Docs;
using LinkTools.Core.Http;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Operations
{
    /// <summary>
    /// Invoke-SiteCrawl -Path's body: checks a documentation folder on worker threads and streams a
    /// <see cref="CrawlResult"/> per (file, link), only broken ones unless asked for all, then a summary on the
    /// information (tag "Summary") and verbose streams, as a web crawl does.
    /// </summary>
    public sealed class DocsCheckOperation : PipelineOperation
    {
        private const int ProgressId = 5;
        private readonly DocsSettings _settings;
        private readonly FetchEngine _engine;
        private readonly DocsCrawler _crawler;

        /// <exception cref="ArgumentException">An index file is not a file name, an -Include or -Exclude pattern is not a valid regular expression, or no path was given.</exception>
        public DocsCheckOperation(DocsSettings settings, IPipelineSink sink) : base(sink, settings.Crawl.Ci)
        {
            settings.Validate();
            _settings = settings;
            _engine = new FetchEngine(settings.Crawl.Engine, sink.IsVerboseEnabled ? Output.WriteVerbose : null);
            try
            {
                _crawler = new DocsCrawler(settings, _engine, Stopping);
            }
            catch
            {
                _engine.Dispose();
                throw;
            }
        }

        /// <summary>The totals, once <see cref="Run()"/> has returned.</summary>
        public CrawlSummary? Summary { get; private set; }

        /// <summary>Paths given that could not be read (each already written as an error).</summary>
        public int BadInputs => System.Threading.Volatile.Read(ref _badInputs);

        private int _badInputs;

        /// <summary>Checks the files, writing results on the calling (pipeline) thread as they are found; returns when done or stopped.</summary>
        public CrawlSummary Run()
        {
            if (Sink.IsVerboseEnabled) Sink.WriteVerbose("Checking documentation under " + _crawler.Root + (_settings.Offline ? " (offline)" : ""));
            var relay = CrawlEventRelay.Start(_crawler.Events, Output, Sink.IsVerboseEnabled, OnProblem);
            _crawler.Start();
            // A crawl held back by a slow consumer goes on once the pipeline has caught up.
            PumpUntil(relay, () => _crawler.CaughtUp(Output.ObjectsDrained));
            Output.DrainTo(Sink);
            CompleteProgress();
            var summary = _crawler.Summary();
            Summary = summary;
            WriteSummary(summary.ToString(), inform: true);
            return summary;
        }

        /// <summary>Runs a check to the end with <paramref name="sink"/> receiving its output (for benchmarks and hosts).</summary>
        public static CrawlSummary Run(DocsSettings settings, IPipelineSink sink)
        {
            using var operation = new DocsCheckOperation(settings, sink);
            return operation.Run();
        }


        private void OnProblem(CrawlEvent problem)
        {
            if (problem.Kind != CrawlEventKind.BadInput)
            {
                Output.WriteError(new PipelineError(problem.Exception!, "FileCheckFailed", PipelineErrorCategory.NotSpecified, problem.Text));
                return;
            }

            System.Threading.Interlocked.Increment(ref _badInputs);
            var error = new ArgumentException($"Cannot check '{problem.Text}': {problem.Reason}.");
            Output.WriteError(new PipelineError(error, "PathNotChecked", PipelineErrorCategory.InvalidArgument, problem.Text));
        }

        protected override ProgressInfo? CurrentProgress() =>
            new ProgressInfo(ProgressId, "Invoke-SiteCrawl " + _crawler.Root,
                $"{_crawler.FilesRead} files read, {_crawler.Links} links; {_crawler.TargetsFinished} of {_crawler.UniqueUrls} remote URLs checked; {_crawler.Broken} broken links")
            {
                CurrentOperation = $"{_engine.InFlight} requests in flight",
            };

        public override void Dispose()
        {
            Stop();
            _engine.Dispose();
            base.Dispose();
        }
    }
}
