using System.CommandLine;
using LinkTools.Cli.Output;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;

namespace LinkTools.Cli.Commands;

/// <summary>`linktools demo`: serves the built-in demo site on loopback and checks it, with no network needed.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var serve = new Option<bool>("--serve") { Description = "Only serve the demo site until Ctrl+C, printing its address." };
        var format = FormatOption.Create();
        var command = new Command("demo", "Check the built-in demo site (known broken links, served on 127.0.0.1).");
        command.Options.Add(serve);
        command.Options.Add(format);
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var site = DemoSite.Start();
            if (parse.GetValue(serve))
            {
                Console.WriteLine(site.BaseUri);
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                }

                return ExitCodes.Ok;
            }

            Console.Error.WriteLine($"Demo site on {site.BaseUri} (partner site {site.PartnerUri})");
            var options = DemoEngineSettings.Apply(new EngineOptions());
            return CheckCommand.Run(options, site.CheckList(), parse.GetValue(format), cancellationToken);
        });
        return command;
    }
}
