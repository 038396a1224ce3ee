using System;
using LinkTools.Core.Monitoring;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>The bounds of Watch-Website's TimeSpan parameters, which [ValidateRange] cannot hold.</summary>
    internal static class WatchTimeParameters
    {
        /// <summary>The longest -NotifyBatch window: one day (the CLI's --notify-batch-sec bound).</summary>
        internal static readonly TimeSpan NotifyBatchMax = TimeSpan.FromSeconds(WatchLimits.NotifyBatchSecMax);

        /// <summary>Why -NotifyBatch is refused, or null when it is 00:00:00 to one day.</summary>
        internal static string? CheckNotifyBatch(TimeSpan value) =>
            value < TimeSpan.Zero || value > NotifyBatchMax
                ? $"-NotifyBatch must be between 00:00:00 and {NotifyBatchMax}; got {value}."
                : null;

        /// <summary>Why -Duration is refused, or null when it is absent or longer than zero.</summary>
        internal static string? CheckDuration(TimeSpan? value) =>
            value is TimeSpan duration && duration <= TimeSpan.Zero
                ? $"-Duration must be longer than 00:00:00; got {duration}."
                : null;
    }
}
