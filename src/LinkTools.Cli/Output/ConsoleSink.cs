using LinkTools.Core.Ci;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Text;

namespace LinkTools.Cli.Output;

/// <summary>
/// The CLI's sink: objects to the chosen writer on stdout; errors, warnings, verbose text and CI annotations to
/// stderr (build agents read commands from both streams, and stdout stays clean data for pipes).
/// </summary>
public sealed class ConsoleSink : IPipelineSink, IDisposable
{
    private readonly ResultWriter _writer;
    private readonly TextWriter _diagnostics;

    public ConsoleSink(ResultWriter writer, TextWriter diagnostics, bool verbose = false)
    {
        _writer = writer;
        _diagnostics = diagnostics;
        IsVerboseEnabled = verbose;
    }

    public bool IsVerboseEnabled { get; }

    public int ErrorCount { get; private set; }

    public void WriteObject(object item) => _writer.Write(item);

    public void WriteError(PipelineError error)
    {
        ErrorCount++;
        _diagnostics.WriteLine("error: " + ConsoleText.Neutralize(error.Exception.Message));
    }

    public void WriteWarning(string message) => _diagnostics.WriteLine("warning: " + ConsoleText.Neutralize(message));

    public void WriteVerbose(string message) => _diagnostics.WriteLine("verbose: " + ConsoleText.Neutralize(message));

    /// <summary>Annotation lines are already escaped for their agent and printed as they are; anything else is neutralised.</summary>
    public void WriteInformation(string message, string[] tags) =>
        _diagnostics.WriteLine(tags.Contains(CiAnnotator.InformationTag) ? message : ConsoleText.Neutralize(message));

    public void WriteProgress(ProgressInfo progress)
    {
    }

    public void Dispose() => _writer.Complete();
}
