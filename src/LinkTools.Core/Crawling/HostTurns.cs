using System;
using System.Collections.Generic;
using System.Threading;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// Targets waiting to start, one first-in first-out line per host, the hosts served in turn. A host with few links
    /// (a slow one, or one whose failures are confirmed and retried) then starts them as they are found instead of after
    /// every link to the site's own host queued before them, so the crawl does not end waiting on it.
    /// </summary>
    internal sealed class HostTurns
    {
        private readonly object _lock = new object();
        private readonly Dictionary<string, Queue<CrawlTarget>> _byHost = new Dictionary<string, Queue<CrawlTarget>>(StringComparer.OrdinalIgnoreCase);

        // Hosts with targets waiting, in the order they get their next turn; a host's line is dropped when it empties.
        private readonly Queue<KeyValuePair<string, Queue<CrawlTarget>>> _turns = new Queue<KeyValuePair<string, Queue<CrawlTarget>>>();
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public bool IsEmpty => Count == 0;

        public void Enqueue(CrawlTarget target)
        {
            string host = target.Uri.Authority;
            lock (_lock)
            {
                if (!_byHost.TryGetValue(host, out var line))
                {
                    line = new Queue<CrawlTarget>();
                    _byHost.Add(host, line);
                    _turns.Enqueue(new KeyValuePair<string, Queue<CrawlTarget>>(host, line));
                }

                line.Enqueue(target);
                _count++;
            }
        }

        /// <summary>The first waiting target of the host whose turn it is.</summary>
        public bool TryDequeue(out CrawlTarget target)
        {
            lock (_lock)
            {
                if (_turns.Count == 0)
                {
                    target = null!;
                    return false;
                }

                var turn = _turns.Dequeue();
                target = turn.Value.Dequeue();
                _count--;
                if (turn.Value.Count > 0) _turns.Enqueue(turn);
                else _byHost.Remove(turn.Key);
                return true;
            }
        }
    }
}
