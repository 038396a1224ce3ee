using System;
using System.Threading;
using System.Threading.Channels;

namespace LinkTools.Core.Pipeline
{
    /// <summary>The one sync-over-async wait, at the pipeline boundary: the pipeline thread blocks for worker output.</summary>
    internal static class ChannelWait
    {
        /// <summary>Blocks up to <paramref name="timeout"/> until <paramref name="reader"/> has an item or the token is cancelled.</summary>
        public static void ForItem<T>(ChannelReader<T> reader, TimeSpan timeout, CancellationToken cancellationToken)
        {
            if (reader.TryPeek(out _)) return;
            try
            {
                reader.WaitToReadAsync(cancellationToken).AsTask().Wait(timeout);
            }
            catch (AggregateException ex) when (ex.InnerException is OperationCanceledException)
            {
                // Stopping: the caller sees the token and returns.
            }
        }
    }
}
