using System.Diagnostics.Tracing;
using System.Text;

namespace LinkTools.Benchmarks;

/// <summary>
/// The runtime's allocation sampling (GCAllocationTick: one event per ~100 KB allocated, naming the type that crossed
/// the mark), summed by type: where the bytes per page go, without an external profiler.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly Dictionary<string, long> _bytesByType = new();
    private long _total;

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs data)
    {
        if (data.EventName == null || !data.EventName.StartsWith("GCAllocationTick", StringComparison.Ordinal) || data.Payload == null) return;
        int typeIndex = data.PayloadNames!.IndexOf("TypeName");
        int amountIndex = data.PayloadNames.IndexOf("AllocationAmount64");
        if (typeIndex < 0 || amountIndex < 0) return;
        string type = data.Payload[typeIndex] as string ?? "?";
        long amount = Convert.ToInt64(data.Payload[amountIndex]);
        lock (_bytesByType)
        {
            _bytesByType[type] = _bytesByType.GetValueOrDefault(type) + amount;
            _total += amount;
        }
    }

    public string Render(int top, int pages)
    {
        var text = new StringBuilder();
        lock (_bytesByType)
        {
            text.Append($"    allocation samples: {_total / 1048576.0:F0} MB in all, {_total / Math.Max(1, pages) / 1024.0:F1} KB per page; top types:\n");
            foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
            {
                text.Append($"    {100.0 * bytes / Math.Max(1, _total),5:F1}%  {bytes / Math.Max(1, pages),7} B/page  {type}\n");
            }
        }

        return text.ToString();
    }
}
