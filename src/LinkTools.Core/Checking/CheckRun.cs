using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Checking
{
    /// <summary>
    /// One run of link checks fed as input arrives. URLs are deduplicated when queued, and the run ends by an
    /// explicit count of outstanding work (never by a queue looking empty), once <see cref="CompleteAdding"/> is called.
    /// </summary>
    public sealed class CheckRun
    {
        private readonly LinkChecker _checker;
        private readonly CancellationToken _cancellationToken;
        private readonly Action<LinkResult> _onResult;
        private readonly Action<Uri, Exception> _onError;
        private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
        private readonly TaskCompletionSource<bool> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // Starts at one: the producer's hold, released by CompleteAdding.
        private int _outstanding = 1;
        private int _queuedCount;
        private int _finishedCount;

        /// <param name="onResult">Called from worker threads as each check finishes.</param>
        /// <param name="onError">Called from worker threads when a check fails inside the engine (a defect, not a broken link).</param>
        public CheckRun(LinkChecker checker, Action<LinkResult> onResult, Action<Uri, Exception> onError, CancellationToken cancellationToken)
        {
            _checker = checker;
            _onResult = onResult;
            _onError = onError;
            _cancellationToken = cancellationToken;
        }

        public int Queued => Volatile.Read(ref _queuedCount);

        public int Finished => Volatile.Read(ref _finishedCount);

        /// <summary>Completes when adding has ended and every queued check has reported.</summary>
        public Task Completion => _completion.Task;

        /// <summary>Queues a check unless the same URL was queued before in this run. Returns false for a duplicate.</summary>
        public bool TryAdd(Uri uri)
        {
            lock (_queued)
            {
                if (!_queued.Add(uri.AbsoluteUri)) return false;
            }

            _checker.Engine.TrustedOrigins.Add(uri);
            Interlocked.Increment(ref _outstanding);
            Interlocked.Increment(ref _queuedCount);
            _ = Task.Run(() => CheckAsync(uri));
            return true;
        }

        public void CompleteAdding() => Release();

        private async Task CheckAsync(Uri uri)
        {
            try
            {
                var result = await _checker.CheckAsync(uri, _cancellationToken).ConfigureAwait(false);
                _onResult(result);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
                // Stopped: nothing to report for a check that never finished.
            }
            catch (Exception ex)
            {
                _onError(uri, ex);
            }
            finally
            {
                Interlocked.Increment(ref _finishedCount);
                Release();
            }
        }

        private void Release()
        {
            if (Interlocked.Decrement(ref _outstanding) == 0) _completion.TrySetResult(true);
        }
    }
}
