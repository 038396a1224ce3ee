using System;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Monitoring
{
    /// <summary>Waits for APIs that take no CancellationToken on netstandard2.0, so a stop is still prompt.</summary>
    internal static class TaskWaits
    {
        public static async Task<T> WithCancellation<T>(Task<T> task, CancellationToken cancellationToken)
        {
            if (task.IsCompleted || !cancellationToken.CanBeCanceled) return await task.ConfigureAwait(false);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }

            return await task.ConfigureAwait(false);
        }

        public static async Task WithCancellation(Task task, CancellationToken cancellationToken)
        {
            await WithCancellation(Wrap(task), cancellationToken).ConfigureAwait(false);
        }

        private static async Task<bool> Wrap(Task task)
        {
            await task.ConfigureAwait(false);
            return true;
        }
    }
}
