using LinkTools.Core.Pipeline;

namespace LinkTools.Tests.Infrastructure;

/// <summary>Records everything an operation writes, and which thread wrote it, as a cmdlet's streams would see it.</summary>
public sealed class RecordingSink : IPipelineSink
{
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;

    public RecordingSink(bool verbose = false) => IsVerboseEnabled = verbose;

    public bool IsVerboseEnabled { get; }

    public List<object> Objects { get; } = new();
    public List<PipelineError> Errors { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Debug { get; } = new();
    public List<string> Information { get; } = new();
    public List<string[]> InformationTags { get; } = new();
    public List<ProgressInfo> Progress { get; } = new();

    /// <summary>The CI agent's annotation lines among the information records.</summary>
    public List<string> CiLines => Information.Where((_, i) => InformationTags[i].Contains(LinkTools.Core.Ci.CiAnnotator.InformationTag)).ToList();

    /// <summary>Calls that came from a thread other than the one that created the sink (must stay 0).</summary>
    public int OffThreadCalls { get; private set; }

    /// <summary>Called after each object is written (lets a test observe streaming).</summary>
    public Action<object>? OnObject { get; set; }

    public IEnumerable<T> OfType<T>() => Objects.OfType<T>();

    public void WriteObject(object item)
    {
        Check();
        Objects.Add(item);
        OnObject?.Invoke(item);
    }

    public void WriteError(PipelineError error) { Check(); Errors.Add(error); }
    public void WriteWarning(string message) { Check(); Warnings.Add(message); }
    public void WriteVerbose(string message) { Check(); Verbose.Add(message); }
    public void WriteDebug(string message) { Check(); Debug.Add(message); }
    public void WriteInformation(object messageData, string[] tags) { Check(); Information.Add(messageData.ToString() ?? ""); InformationTags.Add(tags); }
    public void WriteProgress(ProgressInfo progress) { Check(); Progress.Add(progress); }

    private void Check()
    {
        if (Environment.CurrentManagedThreadId != _pipelineThread) OffThreadCalls++;
    }
}
