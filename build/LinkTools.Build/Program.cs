using LinkTools.Build.Help;
using LinkTools.Build.Packaging;

namespace LinkTools.Build;

/// <summary>
/// Build steps that need no PowerShell, run by build.ps1:
///   module --repo &lt;root&gt; --build-output &lt;dir&gt; --out &lt;dir&gt;   lays out the module folder (with MAML help)
///   help --assembly &lt;dll&gt; --examples &lt;dir&gt; --out &lt;file&gt;        writes only the MAML help file
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        try
        {
            var options = Options(args.Skip(1));
            switch (args.FirstOrDefault())
            {
                case "module":
                    var request = ModuleLayoutRequest.ForRepository(Require(options, "repo"), Require(options, "build-output"), Require(options, "out"));
                    var files = ModuleLayout.Create(request);
                    Console.WriteLine($"Module folder {Path.GetFullPath(request.OutputDirectory)}:");
                    foreach (var file in files) Console.WriteLine("  " + file);
                    return 0;
                case "help":
                    var commands = ModuleHelpGenerator.Generate(Require(options, "assembly"), Require(options, "examples"), Require(options, "out"));
                    Console.WriteLine($"Help for {commands.Count} cmdlet(s) written to {Require(options, "out")}");
                    return 0;
                default:
                    Console.Error.WriteLine("usage: LinkTools.Build module --repo <root> --build-output <dir> --out <dir>");
                    Console.Error.WriteLine("       LinkTools.Build help --assembly <dll> --examples <dir> --out <file>");
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException or ArgumentException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        string? key = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal)) key = arg.Substring(2);
            else if (key != null) { options[key] = arg; key = null; }
            else throw new ArgumentException("Unexpected argument " + arg);
        }

        return options;
    }

    private static string Require(Dictionary<string, string> options, string name) =>
        options.TryGetValue(name, out var value) ? value : throw new ArgumentException("Missing --" + name);
}
