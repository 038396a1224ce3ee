using System.CommandLine;
using System.Management.Automation;
using LinkTools.Cli.Commands;
using LinkTools.PowerShell.Commands;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Faults;

/// <summary>The private-address exclusion is reachable from both front ends.</summary>
public class ExcludePrivateAddressesSwitchTests
{
    [Fact]
    public void EveryLinkCheckingCmdletHasTheSwitch()
    {
        var cmdlets = CmdletContractTests.Cmdlets().Where(c => typeof(LinkCheckCmdletBase).IsAssignableFrom(c.Type)).ToList();
        Assert.NotEmpty(cmdlets);
        foreach (var (type, _) in cmdlets)
        {
            var property = CmdletContractTests.Param(type, "ExcludePrivateAddresses");
            Assert.Equal(typeof(SwitchParameter), property.PropertyType);
            Assert.NotEmpty(CmdletContractTests.ParameterAttributes(property));
        }
    }

    [Fact]
    public void CliOptionSetsTheEngineFlag()
    {
        var set = new EngineOptionSet();
        var command = new Command("probe");
        set.AddTo(command);
        Assert.True(set.Build(command.Parse("--exclude-private-addresses"), out var error)!.ExcludePrivateAddresses);
        Assert.Null(error);
        Assert.False(set.Build(command.Parse(""), out _)!.ExcludePrivateAddresses);
    }
}
