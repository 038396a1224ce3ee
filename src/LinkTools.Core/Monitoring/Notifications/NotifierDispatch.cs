using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>
    /// Sends each batch of alerted changes to the built-in notifiers (webhook, email) in the background, each send
    /// stopped after the notification timeout, and gives the last sends a bounded grace when the watch ends. Called on
    /// the pipeline thread; the sends report through the operation's buffer, so a slow webhook never delays a check.
    /// </summary>
    public sealed class NotifierDispatch : IDisposable
    {
        private readonly IReadOnlyList<IStateChangeNotifier> _notifiers;
        private readonly TimeSpan _timeout;
        private readonly PipelineBuffer _output;
        private readonly bool _verbose;
        private readonly List<Task> _sending = new();
        private readonly CancellationTokenSource _stop = new();

        public NotifierDispatch(IEnumerable<IStateChangeNotifier> notifiers, TimeSpan timeout, PipelineBuffer output, bool verbose)
        {
            _notifiers = notifiers.ToArray();
            _timeout = timeout;
            _output = output;
            _verbose = verbose;
        }

        public void Send(IReadOnlyList<SiteStateChange> batch)
        {
            foreach (var notifier in _notifiers)
            {
                _sending.RemoveAll(t => t.IsCompleted);
                _sending.Add(Task.Run(() => SendAsync(notifier, batch)));
            }
        }

        /// <summary>Waits for the sends still running: up to the timeout, or a second after Ctrl+C; then cancels them.</summary>
        public void WaitForSent(bool stopping)
        {
            var grace = stopping ? TimeSpan.FromSeconds(1) : _timeout;
            var pending = _sending.Where(t => !t.IsCompleted).ToArray();
            if (pending.Length == 0) return;
            if (!Task.WaitAll(pending, grace))
            {
                _stop.Cancel();
                Task.WaitAll(pending, TimeSpan.FromSeconds(1));
            }
        }

        private async Task SendAsync(IStateChangeNotifier notifier, IReadOnlyList<SiteStateChange> batch)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            timeout.CancelAfter(_timeout);
            try
            {
                await notifier.SendAsync(batch, timeout.Token).ConfigureAwait(false);
                if (_verbose) _output.WriteVerbose($"Sent {batch.Count} change(s) to {notifier.Description}.");
            }
            catch (OperationCanceledException)
            {
                _output.WriteWarning($"The {notifier.Description} notifier did not finish within {Durations.Format(_timeout)}; {batch.Count} change(s) were not sent. The watch goes on.");
            }
            catch (Exception ex)
            {
                _output.WriteWarning($"The {notifier.Description} notifier failed: {ex.GetBaseException().Message}. {batch.Count} change(s) were not sent; the watch goes on.");
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _stop.Dispose();
        }
    }
}
