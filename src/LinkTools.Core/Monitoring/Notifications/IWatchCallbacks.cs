using System.Collections.Generic;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>
    /// The host's own handling of alerted changes (the cmdlet's -OnStateChange scriptblocks), called on the pipeline
    /// thread only, so a PowerShell host can run script there. The changes themselves, and their CI annotations, are
    /// already on the operation's output; what the handlers write goes to <c>output</c>, the same checked route.
    /// </summary>
    public interface IWatchCallbacks
    {
        /// <summary>One batch of alerted changes (-NotifyBatch groups those that land close together).</summary>
        void OnStateChanges(IReadOnlyList<SiteStateChange> changes, IPipelineSink output);
    }
}
