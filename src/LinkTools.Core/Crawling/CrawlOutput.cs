using System;
using System.Threading;
using System.Threading.Channels;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The one way out of a crawl: turns a target's verdict into the row for one (page, link) pair (checking its
    /// fragment, counting it, keeping it when wanted) and writes rows, warnings and errors to one channel, which the
    /// consumer reads. Knows how far the consumer is behind, so the crawl can hold back.
    /// </summary>
    internal sealed class CrawlOutput
    {
        private readonly Channel<CrawlEvent> _events = Channel.CreateUnbounded<CrawlEvent>(new UnboundedChannelOptions { SingleReader = true });
        private readonly CrawlSettings _settings;
        private readonly CrawlTally _tally;
        private readonly Func<string, string>? _sourceFileOf;
        private int _written;

        /// <param name="sourceFileOf">The file URL a row's source is read from (a documentation folder's file), or null.</param>
        public CrawlOutput(CrawlSettings settings, CrawlTally tally, Func<string, string>? sourceFileOf)
        {
            _settings = settings;
            _tally = tally;
            _sourceFileOf = sourceFileOf;
        }

        public ChannelReader<CrawlEvent> Events => _events.Reader;

        /// <summary>More rows are out than the consumer has written, by more than -MaxUnwrittenResults: nothing new should start.</summary>
        public bool IsBehind => _tally.Emitted - Volatile.Read(ref _written) > _settings.MaxUnwrittenResults;

        /// <summary>The consumer has written <paramref name="rows"/> rows so far.</summary>
        public void Written(int rows) => Volatile.Write(ref _written, rows);

        public void Warn(string message) => _events.Writer.TryWrite(CrawlEvent.Warning(message));

        public void Verbose(string message) => _events.Writer.TryWrite(CrawlEvent.Verbose(message));

        public void Error(string where, Exception exception) => _events.Writer.TryWrite(CrawlEvent.Error(where, exception));

        public void BadInput(string path, string why) => _events.Writer.TryWrite(CrawlEvent.BadInput(path, why));

        /// <summary>No more output: the crawl is over (or stopped).</summary>
        public void Complete() => _events.Writer.TryComplete();

        /// <summary>Turns the verdict on a target into the row for one (page, link) pair, checking the fragment, and emits it when wanted.</summary>
        public void Publish(in LinkReference link, Verdict verdict, FragmentTargets? anchors)
        {
            var status = verdict.Status;
            var kind = verdict.Kind;
            string reason = verdict.Reason;
            if (_settings.CheckFragments && anchors != null && verdict.Works)
            {
                string fragment = link.Fragment;
                if (fragment.Length > 0 && !anchors.Finds(fragment))
                {
                    status = LinkStatus.Broken;
                    kind = FailureKind.MissingFragment;
                    reason = $"the page has no element with id or name '{fragment}' ({verdict.Reason})";
                }
            }

            _tally.Judged(status);
            bool wanted = status == LinkStatus.Skipped ? _settings.IncludeSkipped : status == LinkStatus.Broken || _settings.IncludeAll;
            if (!wanted) return;

            _tally.RowEmitted();
            _events.Writer.TryWrite(CrawlEvent.Row(new CrawlResult
            {
                SourceUrl = link.SourceUrl,
                SourceFile = _sourceFileOf?.Invoke(link.SourceUrl) ?? "",
                Url = link.Url,
                FinalUrl = verdict.FinalUrl,
                Status = status,
                StatusCode = verdict.StatusCode,
                FailureKind = kind,
                Reason = reason,
                Element = link.Element,
                Attribute = link.Attribute,
                LinkText = link.Text,
                Line = link.Line,
                Depth = Math.Max(0, link.SourceDepth),
                ElapsedMs = verdict.ElapsedMs,
                FromCache = verdict.FromCache,
            }));
        }
    }
}
