using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;

namespace LinkTools.Tests.Faults;

/// <summary>Engine settings for fault cases: short deadlines and quick retries, so a hostile peer costs seconds, not minutes.</summary>
public static class FaultOptions
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(2);

    /// <summary>A generous bound for one case on a shared 2-core machine.</summary>
    public static readonly TimeSpan CaseBound = TimeSpan.FromSeconds(30);

    /// <summary>Links asked with GET only, so a fault case sees one request per attempt.</summary>
    public static readonly CheckPolicy ByGet = new() { Method = CheckMethod.Get };

    /// <param name="configure">The case's own values, over the fault defaults: <c>o => o with { ... }</c>.</param>
    public static EngineOptions Engine(Func<EngineOptions, EngineOptions>? configure = null)
    {
        var options = new EngineOptions
        {
            Timeout = Deadline,
            RetryInterval = TimeSpan.FromMilliseconds(20),
            MaximumRetryCount = 1,
        };
        return configure == null ? options : configure(options);
    }

    public static TestLinkSettings TestLink(Func<EngineOptions, EngineOptions>? configure = null, CheckPolicy? checks = null) =>
        new() { Engine = Engine(configure), Checks = checks ?? CheckPolicy.Default };
}
