using System;
using System.Threading.Channels;
using System.Threading.Tasks;
using LinkTools.Core.Crawling;
using LinkTools.Core.Pipeline;

namespace LinkTools.Core.Operations
{
    /// <summary>Moves a crawl's events from its channel to the operation's output, as they come, on a worker thread.</summary>
    internal static class CrawlEventRelay
    {
        /// <param name="onProblem">Turns an error or a bad input into the operation's own error record.</param>
        /// <returns>Completes once the crawl's channel is completed and emptied.</returns>
        public static Task Start(ChannelReader<CrawlEvent> events, PipelineBuffer output, bool verbose, Action<CrawlEvent> onProblem) =>
            Task.Run(async () =>
            {
                // Not cancellable: a stop completes the channel, and what was written before it still goes out.
                while (await events.WaitToReadAsync().ConfigureAwait(false))
                {
                    while (events.TryRead(out var item))
                    {
                        switch (item.Kind)
                        {
                            case CrawlEventKind.Result:
                                output.WriteObject(item.Result!);
                                break;
                            case CrawlEventKind.Warning:
                                output.WriteWarning(item.Text);
                                break;
                            case CrawlEventKind.Verbose:
                                if (verbose) output.WriteVerbose(item.Text);
                                break;
                            default:
                                onProblem(item);
                                break;
                        }
                    }
                }
            });
    }
}
