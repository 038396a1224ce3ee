using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;

namespace LinkTools.Cli.Output;

/// <summary>Passes everything on to the console sink and keeps the results for a report written at the end.</summary>
internal sealed class ReportingSink : IPipelineSink
{
    private readonly IPipelineSink _inner;
    private readonly ReportBuilder _builder = new();

    public ReportingSink(IPipelineSink inner) => _inner = inner;

    public bool IsVerboseEnabled => _inner.IsVerboseEnabled;

    public void WriteObject(object item)
    {
        _builder.TryAdd(item);
        _inner.WriteObject(item);
    }

    public void WriteError(PipelineError error) => _inner.WriteError(error);

    public void WriteWarning(string message) => _inner.WriteWarning(message);

    public void WriteVerbose(string message) => _inner.WriteVerbose(message);

    public void WriteDebug(string message) => _inner.WriteDebug(message);

    public void WriteInformation(object messageData, string[] tags) => _inner.WriteInformation(messageData, tags);

    public void WriteProgress(ProgressInfo progress) => _inner.WriteProgress(progress);

    public void WriteReport(ReportRequest request, string title) => ReportWriters.WriteFile(_builder.Build(title), request.Format, request.Path);

    /// <summary>Writes the report; false, with the reason on <paramref name="errors"/>, when the file cannot be written.</summary>
    public bool TryWriteReport(ReportRequest request, string title, TextWriter errors)
    {
        try
        {
            WriteReport(request, title);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteLine($"linktools: cannot write the report '{request.Path}': {e.Message}");
            return false;
        }
    }
}
