using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Tests.Packaging;

/// <summary>about_LinkTools keeps up with the code: every verdict and failure kind, every exported cmdlet, short lines.</summary>
public class AboutHelpTests
{
    private static readonly string AboutPath = Path.Combine(ModuleBuildOutput.ModuleContentDirectory, "en-US", "about_LinkTools.help.txt");

    [Fact]
    public void EveryVerdictAndFailureKindIsExplained()
    {
        var text = File.ReadAllText(AboutPath);
        foreach (var name in Enum.GetNames<LinkStatus>().Concat(Enum.GetNames<FailureKind>()))
        {
            Assert.Matches(@"(?m)^\s+" + name + @"\s", text);
        }
    }

    [Fact]
    public void EveryCmdletTheModuleHasIsNamed()
    {
        var text = File.ReadAllText(AboutPath);
        Assert.All(Cmdlets.CmdletContractTests.Cmdlets(), c => Assert.Contains(c.Name, text));
    }

    [Fact]
    public void LinesFitAnEightyColumnConsole()
    {
        var lines = File.ReadAllLines(AboutPath);
        Assert.StartsWith("TOPIC", lines[0]);
        Assert.All(lines, line => Assert.True(line.Length <= 80, $"{line.Length} characters: {line}"));
    }
}
