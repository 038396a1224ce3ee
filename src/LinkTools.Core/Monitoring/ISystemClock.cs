using System;

namespace LinkTools.Core.Monitoring
{
    /// <summary>Wall-clock time for the state machine, reminders and maintenance windows, so tests can move it without sleeping.</summary>
    public interface ISystemClock
    {
        DateTimeOffset UtcNow { get; }
    }
}
