using System.CommandLine;
using LinkTools.Cli.Output;
using LinkTools.Core.Monitoring.History;
using LinkTools.Model.Monitoring.History;

namespace LinkTools.Cli.Commands;

/// <summary>`linktools uptime`: uptime %, downtime and response-time percentiles per site from a watch history file.</summary>
internal static class UptimeCommand
{
    public static Command Create()
    {
        var history = new Argument<FileInfo>("history") { Description = "The CSV file written by watch --history-path." };
        var since = new Option<DateTimeOffset?>("--since") { Description = "Start of the window (inclusive)." };
        var until = new Option<DateTimeOffset?>("--until") { Description = "End of the window (exclusive)." };
        var format = FormatOption.Create();
        var command = new Command("uptime", "Report uptime per site from a watch history file (Maintenance and Unknown time left out).");
        command.Arguments.Add(history);
        command.Options.Add(since);
        command.Options.Add(until);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(history)!;
            IReadOnlyList<SiteUptime> report;
            try
            {
                report = UptimeReport.FromFile(file.FullName, parse.GetValue(since), parse.GetValue(until));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                Console.Error.WriteLine("linktools: " + ex.Message);
                return ExitCodes.Usage;
            }

            var writer = ResultWriter.For(parse.GetValue(format), Console.Out);
            foreach (var site in report) writer.Write(site);
            writer.Complete();
            return ExitCodes.Ok;
        });
        return command;
    }
}
