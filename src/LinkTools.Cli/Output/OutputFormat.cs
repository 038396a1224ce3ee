using System.CommandLine;

namespace LinkTools.Cli.Output;

public enum OutputFormat
{
    Table,
    Json,
    Csv,
}

internal static class FormatOption
{
    public static Option<OutputFormat> Create() =>
        new("--format", "-f") { Description = "table (default), json (JSON Lines: one object a line) or csv.", DefaultValueFactory = _ => OutputFormat.Table };
}
