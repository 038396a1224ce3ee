using LinkTools.Core.Monitoring;

namespace LinkTools.Tests.Monitoring;

/// <summary>A clock the test moves by hand.</summary>
public sealed class FakeClock : ISystemClock
{
    public FakeClock(DateTimeOffset start) => UtcNow = start;

    public DateTimeOffset UtcNow { get; set; }

    public void Advance(TimeSpan by) => UtcNow += by;
}
