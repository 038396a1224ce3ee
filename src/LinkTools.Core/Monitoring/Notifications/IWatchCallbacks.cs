using System.Collections.Generic;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>
    /// The host side of a watch (the cmdlet's scriptblocks, the CLI's console), called on the pipeline thread only,
    /// so a PowerShell host can run script there.
    /// </summary>
    public interface IWatchCallbacks
    {
        /// <summary>One batch of alerted changes (-NotifyBatch groups those that land close together).</summary>
        void OnStateChanges(IReadOnlyList<SiteStateChange> changes);
    }
}
