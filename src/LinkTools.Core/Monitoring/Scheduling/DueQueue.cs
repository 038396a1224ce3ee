using System;
using System.Collections.Generic;

namespace LinkTools.Core.Monitoring.Scheduling
{
    /// <summary>A binary min-heap of items by due time (netstandard2.0 has no PriorityQueue). Not thread-safe.</summary>
    public sealed class DueQueue<T>
    {
        private readonly List<(TimeSpan Due, long Order, T Item)> _heap = new();
        private long _order;

        public int Count => _heap.Count;

        public void Enqueue(T item, TimeSpan due)
        {
            _heap.Add((due, _order++, item));
            int i = _heap.Count - 1;
            while (i > 0)
            {
                int parent = (i - 1) / 2;
                if (!Less(i, parent)) break;
                Swap(i, parent);
                i = parent;
            }
        }

        public bool TryPeek(out T item, out TimeSpan due)
        {
            if (_heap.Count == 0)
            {
                item = default!;
                due = default;
                return false;
            }

            (due, _, item) = _heap[0];
            return true;
        }

        public T Dequeue()
        {
            if (_heap.Count == 0) throw new InvalidOperationException("The queue is empty.");
            var top = _heap[0].Item;
            int last = _heap.Count - 1;
            _heap[0] = _heap[last];
            _heap.RemoveAt(last);
            int i = 0;
            while (true)
            {
                int left = 2 * i + 1, right = left + 1, smallest = i;
                if (left < _heap.Count && Less(left, smallest)) smallest = left;
                if (right < _heap.Count && Less(right, smallest)) smallest = right;
                if (smallest == i) break;
                Swap(i, smallest);
                i = smallest;
            }

            return top;
        }

        // Ties go to the earlier enqueued item, so equal due times keep their order.
        private bool Less(int a, int b) => _heap[a].Due < _heap[b].Due || _heap[a].Due == _heap[b].Due && _heap[a].Order < _heap[b].Order;

        private void Swap(int a, int b) => (_heap[a], _heap[b]) = (_heap[b], _heap[a]);
    }
}
