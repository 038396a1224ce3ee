using System.Management.Automation;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.PowerShell.Commands;
using static LinkTools.Tests.Cmdlets.CmdletContractTests;

namespace LinkTools.Tests.Cmdlets;

/// <summary>What PowerShell will see of Invoke-SiteCrawl, read as metadata (see CmdletContractTests).</summary>
public class InvokeSiteCrawlContractTests
{
    private static readonly Type Command = typeof(InvokeSiteCrawlCommand);

    [Fact]
    public void IsInvokeSiteCrawlAndDeclaresBothOutputTypes()
    {
        Assert.Contains(CmdletContractTests.Cmdlets(), c => c.Type == Command && c.Name == "Invoke-SiteCrawl");
        var types = OutputTypes(Command);
        Assert.Contains(typeof(CrawlResult), types);
        Assert.Contains(typeof(OrphanPage), types);
        Assert.True(typeof(IDisposable).IsAssignableFrom(Command));
    }

    [Fact]
    public void UriIsPositionalAndTakenFromThePipeline()
    {
        var uri = Param(Command, "Uri");
        var attribute = Assert.Single(ParameterAttributes(uri));
        Assert.Equal(true, Named(attribute, "Mandatory"));
        Assert.Equal(true, Named(attribute, "ValueFromPipeline"));
        Assert.Equal(true, Named(attribute, "ValueFromPipelineByPropertyName"));
        Assert.Equal(0, Named(attribute, "Position"));
        Assert.Equal("Uri", Named(attribute, "ParameterSetName"));
        Assert.Equal("Demo", Named(Assert.Single(ParameterAttributes(Param(Command, "Demo"))), "ParameterSetName"));
    }

    [Theory]
    [InlineData("Depth", typeof(int))]
    [InlineData("MaxPages", typeof(int))]
    [InlineData("Include", typeof(string[]))]
    [InlineData("Exclude", typeof(string[]))]
    [InlineData("StayUnderPath", typeof(SwitchParameter))]
    [InlineData("IgnoreRobotsTxt", typeof(SwitchParameter))]
    [InlineData("Sitemap", typeof(string))]
    [InlineData("DiscoverSitemap", typeof(SwitchParameter))]
    [InlineData("ReportOrphans", typeof(SwitchParameter))]
    [InlineData("IncludeAll", typeof(SwitchParameter))]
    [InlineData("IncludeSkipped", typeof(SwitchParameter))]
    [InlineData("SkipFragmentCheck", typeof(SwitchParameter))]
    [InlineData("CheckExternalFragments", typeof(SwitchParameter))]
    [InlineData("DelaySec", typeof(double))]
    [InlineData("MaxPageBytes", typeof(long))]
    [InlineData("Method", typeof(CheckMethod))]
    [InlineData("Headers", typeof(System.Collections.IDictionary))]
    [InlineData("Credential", typeof(PSCredential))]
    [InlineData("UserAgent", typeof(string))]
    [InlineData("TimeoutSec", typeof(int))]
    [InlineData("SkipCertificateCheck", typeof(SwitchParameter))]
    [InlineData("ThrottleLimit", typeof(int))]
    [InlineData("MaxConcurrencyPerHost", typeof(int))]
    [InlineData("AcceptStatusCode", typeof(int[]))]
    public void HasTheCrawlAndConnectionParameters(string name, Type type)
    {
        var property = Param(Command, name);
        Assert.Equal(type, property.PropertyType);
        Assert.NotEmpty(ParameterAttributes(property));
    }

    [Theory]
    [InlineData("Depth", 0, 1000)]
    [InlineData("MaxPages", 1, 10000000)]
    [InlineData("DelaySec", 0, 600)]
    public void CrawlRangesAreValidated(string name, int min, int max)
    {
        var range = Range(Command, name);
        Assert.Equal(min, range.Min);
        Assert.Equal(max, range.Max);
    }

    [Fact]
    public void DelayIsAnAliasOfDelaySec()
    {
        var aliases = Attribute(Param(Command, "DelaySec").GetCustomAttributesData(), typeof(AliasAttribute))!.ConstructorArguments[0].Value as IEnumerable<System.Reflection.CustomAttributeTypedArgument>;
        Assert.Contains("Delay", aliases!.Select(a => (string)a.Value!));
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var command = new InvokeSiteCrawlCommand();
        Assert.Equal(CrawlSettings.DefaultMaxPages, command.MaxPages);
        Assert.False(command.IncludeAll.IsPresent);
        Assert.Equal(CheckMethod.Auto, command.Method);
        Assert.Equal(50, command.ThrottleLimit);
    }

    [Fact]
    public void CrawlResultHasOneFlatShapeForExportCsv()
    {
        var names = typeof(CrawlResult).GetProperties().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "SourceUrl", "Url", "FinalUrl", "Status", "IsBroken", "StatusCode", "FailureKind", "Reason", "Element", "Attribute", "LinkText", "Line", "Depth", "ElapsedMs", "FromCache", "SourceFile" }, names);
        Assert.All(typeof(CrawlResult).GetProperties(), p => Assert.True(p.PropertyType.IsPrimitive || p.PropertyType.IsEnum || p.PropertyType == typeof(string) || Nullable.GetUnderlyingType(p.PropertyType) != null, p.Name));
    }
}
