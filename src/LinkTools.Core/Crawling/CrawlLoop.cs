using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// What every crawl runs on, a web crawl and a documentation folder alike: the frontier that starts each unique URL
    /// once, the graph that fans its verdict out, the checks of URLs that are not read as pages, the output channel and
    /// the counts. The <see cref="ICrawlSource"/> says which links are followed and reads the pages.
    /// </summary>
    internal sealed class CrawlLoop
    {
        private readonly ICrawlSource _source;
        private readonly LinkChecker _checker;
        private readonly CancellationToken _cancellationToken;
        private readonly Stopwatch _clock = new();
        private readonly ManualResetEventSlim _resumed = new(false);

        /// <param name="sourceFileOf">The file URL a row's source is read from, for a documentation folder; null for a web crawl.</param>
        public CrawlLoop(CrawlSettings settings, LinkChecker checker, ICrawlSource source, Func<string, string>? sourceFileOf, CancellationToken cancellationToken)
        {
            _source = source;
            _checker = checker;
            _cancellationToken = cancellationToken;
            Tally = new CrawlTally();
            Output = new CrawlOutput(settings, Tally, sourceFileOf);

            // Enough started fetches to keep every engine slot busy; the rest wait as bare URLs.
            Frontier = CrawlFrontier.For(checker.Engine, RunAsync, () => Output.IsBehind, cancellationToken);
            Graph = new CrawlGraph(source, Output, Tally, Frontier.Add, cancellationToken);
            Frontier.Completion.ContinueWith(_ =>
            {
                _clock.Stop();
                Output.Complete();
            }, TaskScheduler.Default);
        }

        public CrawlTally Tally { get; }

        public CrawlOutput Output { get; }

        public CrawlFrontier Frontier { get; }

        public CrawlGraph Graph { get; }

        public TimeSpan Elapsed => _clock.Elapsed;

        /// <summary>Starts the clock and <paramref name="seed"/> in the background; the run can end once the seed is over.</summary>
        /// <param name="seedName">What an unexpected failure of the seed is reported against.</param>
        public void Start(Func<Task> seed, string seedName)
        {
            _clock.Start();
            _ = Task.Run(async () =>
            {
                try
                {
                    await seed().ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
                {
                }
                catch (Exception ex)
                {
                    Output.Error(seedName, ex);
                }
                finally
                {
                    Frontier.CompleteSeeding();
                }
            });
        }

        /// <summary>The consumer has written <paramref name="rows"/> rows: a crawl held back goes on once it has caught up.</summary>
        public void CaughtUp(int rows)
        {
            Output.Written(rows);
            if (Output.IsBehind) return;
            _resumed.Set();
            Frontier.Resume();
        }

        /// <summary>
        /// Blocks a page source's own thread while the consumer is behind, in short slices, so a resume that came between
        /// the look and the wait costs at most one slice and a stop is seen at once. False when stopped.
        /// </summary>
        public bool WaitWhileBehind()
        {
            while (Output.IsBehind && !_cancellationToken.IsCancellationRequested)
            {
                _resumed.Reset();
                if (!Output.IsBehind) break;
                try
                {
                    _resumed.Wait(TimeSpan.FromMilliseconds(100), _cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return false;
                }
            }

            return !_cancellationToken.IsCancellationRequested;
        }

        private async Task RunAsync(CrawlTarget target)
        {
            try
            {
                if (target.Role == TargetRole.Check) await CheckAsync(target).ConfigureAwait(false);
                else await _source.ReadAsync(target).ConfigureAwait(false);
                Tally.TargetFinished();
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // Stopped: what finished is already out.
            }
            catch (Exception ex)
            {
                Output.Error(UrlText.Redact(target.Uri), ex);
            }
        }

        private async Task CheckAsync(CrawlTarget target)
        {
            var result = await _checker.CheckAsync(target.Uri, _cancellationToken).ConfigureAwait(false);
            if (!result.FromCache) Tally.AddRequests(result.Attempts + result.RedirectCount);
            Graph.Complete(target, Verdict.From(result), anchors: null);
        }
    }
}
