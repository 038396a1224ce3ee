using System.CommandLine;
using LinkTools.Cli.Commands;

namespace LinkTools.Cli;

/// <summary>The linktools command: the LinkTools engine for machines without PowerShell.</summary>
public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("LinkTools: fast concurrent link checking for sites and URL lists.");
        root.Subcommands.Add(CheckCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(UptimeCommand.Create());
        return root;
    }
}
