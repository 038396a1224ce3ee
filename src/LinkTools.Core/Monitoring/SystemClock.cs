using System;

namespace LinkTools.Core.Monitoring
{
    /// <summary>The real clock.</summary>
    public sealed class SystemClock : ISystemClock
    {
        public static SystemClock Instance { get; } = new SystemClock();

        public DateTimeOffset UtcNow => DateTimeOffset.UtcNow;
    }
}
