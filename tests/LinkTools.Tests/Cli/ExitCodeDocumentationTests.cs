using System.Reflection;
using System.Text.RegularExpressions;
using LinkTools.Cli.Commands;
using LinkTools.Tests.Cmdlets;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Cli;

/// <summary>Every exit code the CLI can return is documented where users look: `linktools --help` and the README.</summary>
public class ExitCodeDocumentationTests
{
    private static int[] Codes() =>
        typeof(ExitCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (int)f.GetRawConstantValue()!).ToArray();

    [Fact]
    public async Task HelpListsEveryExitCode()
    {
        var help = await CliProcess.RunAsync(null, "--help");
        Assert.Equal(0, help.ExitCode);
        var section = Regex.Match(help.StdOut, @"Exit codes:(.*?)(\n\s*\n|$)", RegexOptions.Singleline);
        Assert.True(section.Success, "linktools --help has no 'Exit codes:' section:\n" + help.StdOut);
        Assert.All(Codes(), code => Assert.Matches(@"(^|\D)" + code + @" ", section.Groups[1].Value));
    }

    [Fact]
    public void TheReadmeListsEveryExitCode()
    {
        var readme = File.ReadAllText(Path.Combine(CmdletContractTests.RepoRoot(), "README.md"));
        var section = Regex.Match(readme, @"Exit codes: (.*?)\n\n", RegexOptions.Singleline);
        Assert.True(section.Success, "README.md has no 'Exit codes:' paragraph");
        Assert.NotEmpty(Codes());
        Assert.All(Codes(), code => Assert.Contains("`" + code + "`", section.Groups[1].Value));
    }
}
