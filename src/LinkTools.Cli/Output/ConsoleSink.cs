using LinkTools.Core.Ci;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Text;

namespace LinkTools.Cli.Output;

/// <summary>
/// The CLI's sink: objects to the chosen writer on stdout; errors, warnings, verbose text, progress and CI annotations
/// to stderr (build agents read commands from both streams, and stdout stays clean data for pipes).
/// </summary>
public sealed class ConsoleSink : IPipelineSink, IDisposable
{
    private readonly ResultWriter _writer;
    private readonly TextWriter _diagnostics;
    private readonly ProgressLine? _progress;
    private string? _lastInformation;

    /// <param name="progress">Where progress goes; null for none (--quiet, or a command without progress).</param>
    public ConsoleSink(ResultWriter writer, TextWriter diagnostics, bool verbose = false, ProgressLine? progress = null)
    {
        _writer = writer;
        _diagnostics = diagnostics;
        _progress = progress;
        IsVerboseEnabled = verbose;
    }

    public bool IsVerboseEnabled { get; }

    public int ErrorCount { get; private set; }

    public void WriteObject(object item) => _writer.Write(item);

    public void WriteError(PipelineError error)
    {
        ErrorCount++;
        Line("error: " + ConsoleText.Neutralize(CliNames.Translate(error.Exception.Message)));
    }

    public void WriteWarning(string message) => Line("warning: " + ConsoleText.Neutralize(CliNames.Translate(message)));

    public void WriteVerbose(string message)
    {
        // Operations write their summary to both streams for PowerShell, where information is hidden by default;
        // here both reach stderr, so the copy is dropped.
        if (message == _lastInformation) return;
        Line("verbose: " + ConsoleText.Neutralize(message));
    }

    /// <summary>Nothing in the engine writes debug text today; shown with --verbose, should it come.</summary>
    public void WriteDebug(string message)
    {
        if (IsVerboseEnabled) Line("debug: " + ConsoleText.Neutralize(message));
    }

    /// <summary>Annotation lines are already escaped for their agent and printed as they are; anything else is neutralised.</summary>
    public void WriteInformation(object messageData, string[] tags)
    {
        string message = messageData.ToString() ?? "";
        _lastInformation = message;
        Line(tags.Contains(CiAnnotator.InformationTag) ? message : ConsoleText.Neutralize(message));
    }

    public void WriteProgress(ProgressInfo progress) => _progress?.Show(progress);

    private void Line(string text)
    {
        _progress?.Clear();
        _diagnostics.WriteLine(text);
    }

    public void Dispose()
    {
        _progress?.Clear();
        _writer.Complete();
    }
}
