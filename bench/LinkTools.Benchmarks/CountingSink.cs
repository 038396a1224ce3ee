using LinkTools.Core.Pipeline;

namespace LinkTools.Benchmarks;

/// <summary>A sink that only counts, so the benchmark measures the engine and the pipeline pump, not output formatting.</summary>
internal sealed class CountingSink : IPipelineSink
{
    public bool IsVerboseEnabled => false;
    public int Objects { get; private set; }
    public int Errors { get; private set; }
    public Action<object>? OnObject { get; set; }

    public void WriteObject(object item)
    {
        Objects++;
        OnObject?.Invoke(item);
    }

    public void WriteError(PipelineError error) => Errors++;
    public void WriteWarning(string message) { }
    public void WriteVerbose(string message) { }
    public void WriteDebug(string message) { }
    public void WriteInformation(object messageData, string[] tags) { }
    public Action<ProgressInfo>? OnProgress { get; set; }
    public void WriteProgress(ProgressInfo progress) => OnProgress?.Invoke(progress);
}
