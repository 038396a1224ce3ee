using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.PowerShell.Commands;

namespace LinkTools.Tests.Cmdlets;

/// <summary>
/// Checks by reflection what PowerShell will see: cmdlet names, output types, parameters, aliases, pipeline binding,
/// validation. Attributes are read as metadata (CustomAttributeData) because PowerShellStandard.Library is a
/// reference assembly whose attribute classes do not run here.
/// </summary>
public class CmdletContractTests
{
    private static readonly Assembly ModuleAssembly = typeof(TestLinkCommand).Assembly;

    internal static IEnumerable<(Type Type, string Name)> Cmdlets() =>
        from type in ModuleAssembly.GetTypes()
        let data = Attribute(type.GetCustomAttributesData(), typeof(CmdletAttribute))
        where data != null
        select (type, (string)data.ConstructorArguments[0].Value! + "-" + (string)data.ConstructorArguments[1].Value!);

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "LinkTools.psd1"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("LinkTools.psd1 not found above " + AppContext.BaseDirectory);
    }

    internal static CustomAttributeData? Attribute(IEnumerable<CustomAttributeData> all, Type type) =>
        all.FirstOrDefault(a => a.AttributeType == type);

    internal static object? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    internal static PropertyInfo Param(Type type, string name) =>
        type.GetProperty(name) ?? throw new Xunit.Sdk.XunitException($"{type.Name} has no parameter {name}");

    /// <summary>The setting a parameter's [Setting] names (whose bounds PowerShell holds it to), or null.</summary>
    internal static LinkTools.Model.Settings.SettingDescription? Described(PropertyInfo property) =>
        Attribute(property.GetCustomAttributesData(), typeof(SettingAttribute)) is { } setting
            ? LinkTools.Model.Settings.SettingDescriptions.Named((string)setting.ConstructorArguments[0].Value!)
            : null;

    /// <summary>The bounds PowerShell holds a parameter to, from its [Setting].</summary>
    internal static (long Min, long Max) Range(Type cmdlet, string parameter) =>
        Described(Param(cmdlet, parameter)) is { } setting ? (setting.Min, setting.Max) : throw new Xunit.Sdk.XunitException($"{cmdlet.Name} -{parameter} has no [Setting]");

    internal static CustomAttributeData[] ParameterAttributes(PropertyInfo property) =>
        property.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ParameterAttribute)).ToArray();

    internal static Type[] OutputTypes(Type type) =>
        type.GetCustomAttributesData().Where(a => a.AttributeType == typeof(OutputTypeAttribute))
            .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (Type)v.Value!))
            .ToArray();

    [Fact]
    public void ManifestExportsExactlyTheCmdletsThatExist()
    {
        var manifest = File.ReadAllText(Path.Combine(RepoRoot(), "LinkTools.psd1"));
        var exported = Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value
            .Split(',').Select(s => s.Trim().Trim('\'', '"')).Where(s => s.Length > 0).OrderBy(s => s).ToArray();
        var cmdlets = Cmdlets().Select(c => c.Name).OrderBy(s => s).ToArray();
        Assert.NotEmpty(cmdlets);
        Assert.Equal(cmdlets, exported);
        Assert.Matches(@"CompatiblePSEditions\s*=\s*@\('Desktop',\s*'Core'\)", manifest);
        Assert.Matches(@"PowerShellVersion\s*=\s*'5\.1'", manifest);
    }

    [Fact]
    public void EveryCmdletDeclaresItsOutputTypeAndUsesApprovedVerbs()
    {
        var approved = typeof(VerbsCommon).Assembly.GetTypes()
            .Where(t => t.Name.StartsWith("Verbs") && t.IsAbstract && t.IsSealed)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!))
            .ToHashSet();
        Assert.Contains("Test", approved);
        foreach (var (type, name) in Cmdlets())
        {
            Assert.Contains(name.Split('-')[0], approved);
            Assert.NotEmpty(OutputTypes(type));
            Assert.True(typeof(PSCmdlet).IsAssignableFrom(type), type.Name);
        }
    }

    [Fact]
    public void TestLinkTakesUriFromThePipelineByValueAndPropertyNameWithAliases()
    {
        var uri = Param(typeof(TestLinkCommand), "Uri");
        var attribute = Assert.Single(ParameterAttributes(uri));
        Assert.Equal(true, Named(attribute, "Mandatory"));
        Assert.Equal(true, Named(attribute, "ValueFromPipeline"));
        Assert.Equal(true, Named(attribute, "ValueFromPipelineByPropertyName"));
        Assert.Equal(0, Named(attribute, "Position"));
        Assert.Equal(typeof(string[]), uri.PropertyType);
        var aliases = Attribute(uri.GetCustomAttributesData(), typeof(AliasAttribute))!.ConstructorArguments[0].Value as IEnumerable<CustomAttributeTypedArgument>;
        Assert.Equal(new[] { "Url", "Href", "Link", "Address" }, aliases!.Select(a => (string)a.Value!));
    }

    [Fact]
    public void TestLinkDeclaresBothOutputTypes()
    {
        var types = OutputTypes(typeof(TestLinkCommand));
        Assert.Contains(typeof(LinkResult), types);
        Assert.Contains(typeof(bool), types);
    }

    [Theory]
    [InlineData("ThrottleLimit", 1, 1024)]
    [InlineData("MaxConcurrencyPerHost", 1, 1024)]
    [InlineData("TimeoutSec", 1, 3600)]
    [InlineData("MaximumRedirection", 0, 50)]
    [InlineData("MaximumRetryCount", 0, 10)]
    [InlineData("RetryIntervalSec", 0, 600)]
    public void RangesAreValidated(string name, int min, int max)
    {
        var range = Range(typeof(TestLinkCommand), name);
        Assert.Equal(min, range.Min);
        Assert.Equal(max, range.Max);
    }

    [Fact]
    public void EveryRangeHasBoundsOfOneType()
    {
        // PowerShell refuses a [ValidateRange] whose minimum and maximum differ in type (an int and a long) when the
        // parameter is bound, an error no compiler catches; nor does anything here that runs without PowerShell.
        var mixed =
            from cmdlet in Cmdlets()
            from property in cmdlet.Type.GetProperties()
            from range in property.GetCustomAttributesData().Where(a => a.AttributeType == typeof(ValidateRangeAttribute))
            where range.ConstructorArguments.Count == 2 && range.ConstructorArguments[0].ArgumentType != range.ConstructorArguments[1].ArgumentType
            select $"{cmdlet.Name} -{property.Name}: {range.ConstructorArguments[0].ArgumentType.Name} and {range.ConstructorArguments[1].ArgumentType.Name}";
        Assert.Empty(mixed);
    }

    [Theory]
    [InlineData("Method", typeof(CheckMethod))]
    [InlineData("Headers", typeof(System.Collections.IDictionary))]
    [InlineData("UserAgent", typeof(string))]
    [InlineData("Credential", typeof(PSCredential))]
    [InlineData("UseDefaultCredentials", typeof(SwitchParameter))]
    [InlineData("Certificate", typeof(System.Security.Cryptography.X509Certificates.X509Certificate))]
    [InlineData("SkipCertificateCheck", typeof(SwitchParameter))]
    [InlineData("Proxy", typeof(Uri))]
    [InlineData("AcceptStatusCode", typeof(int[]))]
    [InlineData("Quiet", typeof(SwitchParameter))]
    [InlineData("Path", typeof(string[]))]
    [InlineData("Demo", typeof(SwitchParameter))]
    public void TestLinkHasTheInvokeWebRequestStyleParameters(string name, Type type)
    {
        var property = Param(typeof(TestLinkCommand), name);
        Assert.Equal(type, property.PropertyType);
        Assert.NotEmpty(ParameterAttributes(property));
    }

    [Fact]
    public void DefaultsAreTheDocumentedOnes()
    {
        var command = new TestLinkCommand();
        Assert.Equal(50, command.ThrottleLimit);
        Assert.Equal(10, command.MaxConcurrencyPerHost);
        Assert.Equal(20, command.TimeoutSec);
        Assert.Equal(CheckMethod.Auto, command.Method);
        Assert.StartsWith("LinkTools/", command.UserAgent);
    }
}
