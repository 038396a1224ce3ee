using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Operations;
using LinkTools.Model.Monitoring;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Monitoring;

/// <summary>Builds watch settings suited to tests (short timeouts and intervals) and runs an operation to the end.</summary>
public static class WatchHarness
{
    public static WatchSettings Settings(Func<WatchSettings, WatchSettings>? configure = null)
    {
        var settings = new WatchSettings
        {
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20), MaximumRetryCount = WatchDefaults.MaximumRetryCount },
            Interval = TimeSpan.FromMilliseconds(200),
            Checks = new SiteCheckPolicy { Retry = 0 },
        };
        return configure == null ? settings : configure(settings);
    }

    public static (RecordingSink Sink, RecordingCallbacks Callbacks, WatchWebsiteOperation Operation) Run(WatchSettings settings, params WatchSite[] sites)
    {
        var sink = new RecordingSink();
        var callbacks = new RecordingCallbacks();
        var operation = new WatchWebsiteOperation(settings, sink, callbacks);
        try
        {
            foreach (var site in sites) operation.Add(site);
            operation.Run();
        }
        finally
        {
            operation.Dispose();
        }

        return (sink, callbacks, operation);
    }

    public static List<SiteStateChange> Changes(this RecordingSink sink) => sink.OfType<SiteStateChange>().ToList();

    public static List<SiteCheckResult> Checks(this RecordingSink sink) => sink.OfType<SiteCheckResult>().ToList();
}
