using System.CommandLine;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Cli.Commands;

/// <summary>`--baseline`, `--suppressions` and `--ci-summary`: what a CI pipeline compares a run with and where it shows it.</summary>
internal sealed class TriageOptionSet
{
    public Option<FileInfo?> Baseline { get; } = new("--baseline") { Description = "A previous run's results (--format csv or json, or a JSON report): each result gets a BaselineState (New, StillBroken, Fixed) and only New broken links set exit code 1." };

    public Option<FileInfo?> Suppressions { get; } = new("--suppressions") { Description = "Accepted broken links, hidden until their expiry: lines 'wildcard-pattern | reason | yyyy-MM-dd' or a JSON array of {pattern, reason, expires}." };

    public Option<bool> CiSummary { get; } = new("--ci-summary") { Description = "With a Markdown --report, attach it to the Azure Pipelines or GitHub Actions run summary." };

    public void AddTo(Command command)
    {
        command.Options.Add(Baseline);
        command.Options.Add(Suppressions);
        command.Options.Add(CiSummary);
    }

    /// <summary>The loaded baseline and suppressions (null when neither was given); a file that cannot be used is an error naming it.</summary>
    public ResultTriage? ReadTriage(ParseResult parse, DateTimeOffset now, out string? error)
    {
        error = null;
        var baselineFile = parse.GetValue(Baseline);
        var suppressionFile = parse.GetValue(Suppressions);
        if (baselineFile == null && suppressionFile == null) return null;
        try
        {
            var baseline = baselineFile == null ? null : Core.Triage.Baseline.Load(baselineFile.FullName);
            var suppressions = suppressionFile == null ? null : SuppressionList.Load(suppressionFile.FullName, now);
            return new ResultTriage(baseline, suppressions);
        }
        catch (InputFileException e)
        {
            error = e.Message;
            return null;
        }
    }
}
