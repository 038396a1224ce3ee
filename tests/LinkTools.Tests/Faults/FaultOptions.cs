using LinkTools.Core.Http;
using LinkTools.Core.Operations;

namespace LinkTools.Tests.Faults;

/// <summary>Engine settings for fault cases: short deadlines and quick retries, so a hostile peer costs seconds, not minutes.</summary>
public static class FaultOptions
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    /// <summary>A generous bound for one case on a shared 2-core machine.</summary>
    public static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(30);

    public static EngineOptions Engine(Action<EngineOptions>? configure = null)
    {
        var options = new EngineOptions
        {
            Timeout = Deadline,
            RetryInterval = TimeSpan.FromMilliseconds(20),
            MaximumRetryCount = 1,
        };
        configure?.Invoke(options);
        return options;
    }

    public static TestLinkSettings TestLink(Action<EngineOptions>? configure = null) => new() { Engine = Engine(configure) };
}
