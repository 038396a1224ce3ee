using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Monitoring;

namespace LinkTools.Tests.Monitoring;

/// <summary>The host side of a watch in tests: records batches and the thread each came on.</summary>
public sealed class RecordingCallbacks : IWatchCallbacks
{
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

    public List<IReadOnlyList<SiteStateChange>> Batches { get; } = new();
    public int OffThreadCalls { get; private set; }
    public Action<IReadOnlyList<SiteStateChange>>? OnBatch { get; set; }

    /// <summary>What the handler writes, as a host's scripts would.</summary>
    public Action<IPipelineSink>? Write { get; set; }

    public void OnStateChanges(IReadOnlyList<SiteStateChange> changes, IPipelineSink output)
    {
        if (Environment.CurrentManagedThreadId != _pipelineThread) OffThreadCalls++;
        Batches.Add(changes);
        OnBatch?.Invoke(changes);
        Write?.Invoke(output);
    }
}
