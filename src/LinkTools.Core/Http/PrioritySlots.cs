using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// A count of slots, as a SemaphoreSlim, whose waiters queue in two lines: urgent calls (a crawl's pages, which reveal
    /// the rest of its work) are served before the others, each line in arrival order.
    /// </summary>
    internal sealed class PrioritySlots
    {
        private readonly object _lock = new object();
        private readonly LinkedList<TaskCompletionSource<bool>> _urgent = new LinkedList<TaskCompletionSource<bool>>();
        private readonly LinkedList<TaskCompletionSource<bool>> _others = new LinkedList<TaskCompletionSource<bool>>();
        private int _free;

        public PrioritySlots(int count) => _free = count;

        /// <summary>Slots free right now.</summary>
        public int CurrentCount => Volatile.Read(ref _free);

        /// <summary>Completes when the caller holds a slot (give it back with <see cref="Release"/>); cancelled while it waits, it holds none.</summary>
        public Task WaitAsync(bool urgent, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested) return Task.FromCanceled(cancellationToken);
            LinkedListNode<TaskCompletionSource<bool>> node;
            lock (_lock)
            {
                // A slot is only ever free while nobody waits: Release hands it straight to the next waiter.
                if (_free > 0)
                {
                    _free--;
                    return Task.CompletedTask;
                }

                // Continuations run on the pool, not on the thread that releases (it is finishing a request of its own).
                node = (urgent ? _urgent : _others).AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
            }

            return cancellationToken.CanBeCanceled ? WaitCancellableAsync(node, cancellationToken) : node.Value.Task;
        }

        /// <summary>Gives a slot back: to the first urgent waiter, else the first other waiter, else to the count.</summary>
        public void Release()
        {
            TaskCompletionSource<bool> next;
            lock (_lock)
            {
                var line = _urgent.First != null ? _urgent : _others;
                if (line.First == null)
                {
                    _free++;
                    return;
                }

                next = line.First.Value;
                line.RemoveFirst();
            }

            next.TrySetResult(true);
        }

        private async Task WaitCancellableAsync(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
            {
                await node.Value.Task.ConfigureAwait(false);
            }
        }

        private void Cancel(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
        {
            lock (_lock)
            {
                // Already handed a slot: the caller holds it and gives it back as usual.
                if (node.List == null) return;
                node.List.Remove(node);
            }

            node.Value.TrySetCanceled(cancellationToken);
        }
    }
}
