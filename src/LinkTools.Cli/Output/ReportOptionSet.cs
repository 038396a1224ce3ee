using System.CommandLine;
using LinkTools.Core.Reporting;
using LinkTools.Model.Reporting;

namespace LinkTools.Cli.Output;

/// <summary>`--report` and `--report-format`: a report file written beside the normal output (Export-LinkReport's job).</summary>
internal sealed class ReportOptionSet
{
    public Option<FileInfo?> Path { get; } = new("--report") { Description = "Also write a report file when the run ends (format from --report-format or the extension: .xml JUnit, .md Markdown, .json Json, .html Html)." };

    public Option<ReportFormat?> Format { get; } = new("--report-format") { Description = "JUnit, Markdown, Json or Html." };

    public void AddTo(Command command)
    {
        command.Options.Add(Path);
        command.Options.Add(Format);
    }

    /// <summary>The requested report, or null when none was asked for; an unknown extension without --report-format is an error.</summary>
    public ReportRequest? Read(ParseResult parse, out string? error)
    {
        error = null;
        var file = parse.GetValue(Path);
        if (file == null) return null;
        var format = parse.GetValue(Format) ?? ReportWriters.FormatOf(file.Name);
        if (format == null)
        {
            error = $"Cannot tell the report format of '{file.Name}': use --report-format JUnit, Markdown, Json or Html.";
            return null;
        }

        return new ReportRequest(file.FullName, format.Value);
    }
}
