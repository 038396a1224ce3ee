using System;
using System.Collections.Generic;
using System.Threading;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Operations
{
    /// <summary>
    /// Test-Link's body: checks URLs as they arrive, concurrently, and streams one <see cref="LinkResult"/> per unique URL.
    /// </summary>
    public sealed class TestLinkOperation : PipelineOperation
    {
        private const int ProgressId = 1;
        private readonly TestLinkSettings _settings;
        private readonly FetchEngine _engine;
        private readonly CheckRun _run;
        private readonly ResultCache? _cache;
        private readonly int _maxOutstanding;
        private int _broken;
        private int _failing;
        private int _suppressed;
        private bool _inputEnded;
        private int _rejected;

        public TestLinkOperation(TestLinkSettings settings, IPipelineSink sink) : base(settings.Quiet ? new QuietSink(sink) : sink, settings.Ci)
        {
            _settings = settings;
            _cache = CacheSession.Open(settings.Cache, Sink);
            _engine = new FetchEngine(settings.Engine, sink.IsVerboseEnabled ? Output.WriteVerbose : null);
            _maxOutstanding = settings.MaxOutstanding > 0 ? settings.MaxOutstanding : Math.Max(1024, settings.Engine.ThrottleLimit * 4);
            _run = new CheckRun(new LinkChecker(_engine, settings.Checks, _cache), OnResult, OnError, Stopping);
            foreach (var warning in settings.Triage?.ExpiredWarnings() ?? Array.Empty<string>()) Sink.WriteWarning(warning);
        }

        /// <summary>Queues each input URL (bad ones become error records naming them) and writes what has finished.</summary>
        public void Process(IEnumerable<string?> inputs)
        {
            // Whatever finished since the last input goes out first, as ForEach-Object -Parallel does.
            Pump();
            foreach (var input in inputs)
            {
                if (IsStopping) return;
                if (!UrlInput.TryParse(input, out var uri, out var error))
                {
                    Reject(new PipelineError(new ArgumentException(error), "InvalidUrl", PipelineErrorCategory.InvalidArgument, input));
                    continue;
                }

                if (!_run.TryAdd(uri) && Sink.IsVerboseEnabled)
                {
                    Sink.WriteVerbose($"{UrlText.Redact(uri)} was already queued in this run; it is checked once.");
                }

                // Backpressure: hold input while too much is queued or unwritten, draining output meanwhile.
                PumpUntil(() => _run.Queued - Output.ObjectsDrained - SuppressedCount < _maxOutstanding);
                Pump();
            }
        }

        /// <summary>Queues the URLs of a list file; a file that cannot be read is an error record naming it.</summary>
        public void ProcessFile(string path, object shownPath)
        {
            if (!UrlListFile.TryRead(path, out var urls, out var error))
            {
                Reject(new PipelineError(error, "UrlFileUnreadable", PipelineErrorCategory.ReadError, shownPath));
                return;
            }

            Process(urls);
        }

        /// <summary>
        /// Writes an error for input that could not be used. The run then fails -Quiet: a gate must not pass on a typo.
        /// </summary>
        public void Reject(PipelineError error)
        {
            _rejected++;
            Sink.WriteError(error);
        }

        /// <summary>Waits for every queued check, writing results as they finish.</summary>
        public void End()
        {
            _inputEnded = true;
            _run.CompleteAdding();
            PumpUntil(_run.Completion);
            Output.DrainTo(Sink);
            CompleteProgress();
            if (!IsStopping) CacheSession.Save(_cache, Sink);
            if (SuppressedCount > 0) Sink.WriteVerbose($"{SuppressedCount} broken links were hidden by suppressions.");
            if (IsStopping) return;
            if (_run.Queued == 0) Sink.WriteWarning("No URL was checked: the input held no valid URL.");
            if (HostCapNotice.For(_engine) is string notice) Sink.WriteWarning(notice);
            WriteSummary($"{_run.Finished} URLs checked, {BrokenCount} broken", _engine.Statistics);

            if (_settings.Quiet)
            {
                Sink.WriteObject(FailingCount == 0 && _rejected == 0 && _run.Queued > 0);
            }
        }

        /// <summary>Broken links written out (suppressed ones are not counted).</summary>
        public int BrokenCount => Volatile.Read(ref _broken);

        /// <summary>Broken links that fail the run: all of them, or with a baseline only the New ones.</summary>
        public int FailingCount => Volatile.Read(ref _failing);

        /// <summary>Broken links hidden by a suppression in force.</summary>
        public int SuppressedCount => Volatile.Read(ref _suppressed);

        private void OnResult(LinkResult result)
        {
            var verdict = (_settings.Triage ?? ResultTriage.None).Assess(result.Url, result.IsBroken);
            if (verdict.IsSuppressed)
            {
                Interlocked.Increment(ref _suppressed);
                if (Sink.IsVerboseEnabled) Output.WriteVerbose($"{result.Url} is broken but suppressed by {verdict.SuppressedBy}.");
                return;
            }

            result.BaselineState = verdict.State;
            if (result.IsBroken) Interlocked.Increment(ref _broken);
            if (verdict.FailsRun) Interlocked.Increment(ref _failing);
            // With -Quiet too: the CI filter annotates it, and the quiet sink keeps it from the host.
            Output.WriteObject(result);
        }

        private void OnError(Uri uri, Exception exception) =>
            Output.WriteError(new PipelineError(exception, "CheckFailed", PipelineErrorCategory.NotSpecified, UrlText.Redact(uri)));

        protected override ProgressInfo? CurrentProgress()
        {
            int queued = _run.Queued;
            if (queued == 0) return null;
            int finished = _run.Finished;
            return new ProgressInfo(ProgressId, "Test-Link", $"{finished} of {queued} checked, {BrokenCount} broken")
            {
                PercentComplete = _inputEnded ? Math.Min(100, finished * 100 / queued) : -1,
                CurrentOperation = $"{_engine.InFlight} requests in flight",
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
