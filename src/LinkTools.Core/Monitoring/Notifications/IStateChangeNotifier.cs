using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>A built-in notifier (webhook, email). Called off the pipeline thread with one batch of alerted changes.</summary>
    public interface IStateChangeNotifier
    {
        /// <summary>Names the notifier in warnings: "webhook https://hooks.example/…".</summary>
        string Description { get; }

        /// <summary>Sends the batch; throws with a reason when it cannot (the watch turns that into a warning).</summary>
        Task SendAsync(IReadOnlyList<SiteStateChange> changes, CancellationToken cancellationToken);
    }
}
