using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;

namespace LinkTools.Cli.Output;

/// <summary>Passes everything on to the console sink and keeps the results for a report written at the end.</summary>
internal sealed class ReportingSink : DelegatingSink
{
    private readonly ReportBuilder _builder = new();

    public ReportingSink(IPipelineSink inner) : base(inner)
    {
    }

    public override void WriteObject(object item)
    {
        _builder.TryAdd(item);
        Inner.WriteObject(item);
    }

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
