using System.CommandLine;
using LinkTools.Cli.Commands;

namespace LinkTools.Cli;

/// <summary>The linktools command: the LinkTools engine for machines without PowerShell.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var parse = BuildRoot().Parse(args);
        if (parse.Errors.Count > 0)
        {
            // Usage errors exit with 2 (System.CommandLine's default is 1, which means "broken links" here).
            foreach (var error in parse.Errors) Console.Error.WriteLine("linktools: " + error.Message);
            Console.Error.WriteLine("Run 'linktools --help' for usage.");
            return Commands.ExitCodes.Usage;
        }

        return parse.Invoke();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "LinkTools: fast concurrent link checking for sites and URL lists.\n\n" +
            $"Exit codes: {ExitCodes.Ok} nothing broken (or down); {ExitCodes.Broken} something broken (check, crawl, demo) or a site in the --fail-on state (watch); " +
            $"{ExitCodes.Usage} bad usage or input (invalid option, unreadable file, no valid URL); {ExitCodes.Cancelled} stopped by Ctrl+C.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(CrawlCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(UptimeCommand.Create());
        return root;
    }
}
