using System.Management.Automation;
using System.Reflection;
using LinkTools.Core.Crawling;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.Core.Pipeline;
using LinkTools.PowerShell.Commands;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// PowerShell reflects over the cmdlet classes at import, before the module's loader can make the engine
/// (dependencies/LinkTools.Core.dll) or AngleSharp resolvable. So the public surface of LinkTools.PowerShell may use
/// only its own types, LinkTools.Model's, PowerShell's and the framework's; engine types belong in method bodies.
/// </summary>
public class ModuleSurfaceContractTests
{
    private static readonly Assembly ModuleAssembly = typeof(TestLinkCommand).Assembly;

    private static readonly HashSet<string> AllowedNames = new(StringComparer.Ordinal)
    {
        "LinkTools.PowerShell",
        "LinkTools.Model",
        "System.Management.Automation",
    };

    [Fact]
    public void PowerShellMeetsNoTypeFromTheEngineOrItsLibraries()
    {
        var exported = ModuleAssembly.GetExportedTypes();
        Assert.Contains(typeof(LinkCheckCmdletBase), exported);
        Assert.Contains(exported, t => t.GetInterfaces().Any(i => i.Name == nameof(IModuleAssemblyInitializer)));

        var foreign = PublicSurface.ForeignTypes(exported, a => AllowedNames.Contains(a.GetName().Name!) || PublicSurface.IsFramework(a));

        Assert.True(foreign.Count == 0, "Types PowerShell would need before the loader runs:\n" + string.Join("\n", foreign));
    }

    [Fact]
    public void TheOutputAndParameterTypesComeFromTheModel()
    {
        var model = typeof(LinkTools.Model.Checking.LinkResult).Assembly;
        Assert.Equal("LinkTools.Model", model.GetName().Name);
        var outputTypes = CmdletOutputTypes().ToArray();
        Assert.Contains(typeof(LinkTools.Model.Checking.LinkResult), outputTypes);
        Assert.All(outputTypes.Where(t => t.Namespace!.StartsWith("LinkTools.", StringComparison.Ordinal)), t => Assert.Same(model, t.Assembly));
    }

    [Fact]
    public void EachPlaceAnEngineTypeCanHideIsCaught()
    {
        var foreign = PublicSurface.ForeignTypes(new[] { typeof(SurfaceFixtureBase), typeof(SurfaceFixtureCmdlet) },
            a => a == typeof(SurfaceFixtureCmdlet).Assembly || a.GetName().Name == "System.Management.Automation" || PublicSurface.IsFramework(a));

        Assert.Contains(foreign, f => f.Contains("interface: LinkTools.Core.Pipeline.IPipelineSink"));
        Assert.Contains(foreign, f => f.Contains("property Options: LinkTools.Core.Http.EngineOptions"));
        Assert.Contains(foreign, f => f.Contains("field _demo: LinkTools.Core.Demo.DemoSite"));
        Assert.Contains(foreign, f => f.Contains("method Last: LinkTools.Core.Http.FetchOutcome"));
        Assert.Contains(foreign, f => f.Contains("property Element: AngleSharp.Dom.IElement from AngleSharp"));
        Assert.Contains(foreign, f => f.Contains("property Pages: LinkTools.Core.Crawling.PageLinks"));
        Assert.Contains(foreign, f => f.Contains("attribute OutputTypeAttribute: LinkTools.Core.Crawling.ExtractedLink"));
        Assert.DoesNotContain(foreign, f => f.Contains("Hidden"));
    }

    private static IEnumerable<Type> CmdletOutputTypes() =>
        from type in ModuleAssembly.GetExportedTypes()
        from attribute in type.GetCustomAttributesData()
        where attribute.AttributeType == typeof(OutputTypeAttribute)
        from value in (IEnumerable<CustomAttributeTypedArgument>)attribute.ConstructorArguments[0].Value!
        select (Type)value.Value!;
}

#pragma warning disable CS0169, CS0649 // fixture members exist to be reflected over
/// <summary>A cmdlet base class that leaks engine types, for the contract test's own test.</summary>
public abstract class SurfaceFixtureBase : PSCmdlet, IPipelineSink
{
    [Parameter]
    public EngineOptions? Options { get; set; }

    public bool IsVerboseEnabled => false;

    void IPipelineSink.WriteObject(object item) { }

    void IPipelineSink.WriteError(PipelineError error) { }

    void IPipelineSink.WriteWarning(string message) { }

    void IPipelineSink.WriteVerbose(string message) { }

    void IPipelineSink.WriteDebug(string message) { }

    void IPipelineSink.WriteInformation(object messageData, string[] tags) { }

    void IPipelineSink.WriteProgress(ProgressInfo progress) { }
}

[Cmdlet(VerbsCommon.Get, "SurfaceFixture")]
[OutputType(typeof(ExtractedLink))]
public class SurfaceFixtureCmdlet : SurfaceFixtureBase
{
    private DemoSite? _demo;

    [Parameter]
    public AngleSharp.Dom.IElement? Element { get; set; }

    public List<PageLinks>? Pages { get; set; }

    protected FetchOutcome? Last() => null;

    // Engine types inside method bodies and in private methods are fine: PowerShell never looks there.
    private FetchOutcome? Hidden() => null;
}
#pragma warning restore CS0169, CS0649
