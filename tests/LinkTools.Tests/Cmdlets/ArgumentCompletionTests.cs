using System.Management.Automation;
using System.Reflection;
using System.Xml.Linq;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Cmdlets;

/// <summary>
/// Tab completion: PowerShell completes a parameter's values when it is an enum or carries [ValidateSet] (both
/// editions) or an [ArgumentCompleter]. Every parameter that takes one of a fixed set of words is held to that, and
/// Get-Help lists the same words.
/// </summary>
public class ArgumentCompletionTests : IClassFixture<HelpContractTests.GeneratedHelp>
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";

    private readonly XDocument _help;

    public ArgumentCompletionTests(HelpContractTests.GeneratedHelp help) => _help = help.Document;

    /// <summary>The parameters whose value is one of a fixed set of words, and the words.</summary>
    public static TheoryData<string, string, string> FixedChoiceParameters() => new()
    {
        { "Test-Link", "Method", "Auto,Head,Get" },
        { "Invoke-SiteCrawl", "Method", "Auto,Head,Get" },
        { "Export-LinkReport", "Format", "JUnit,Markdown,Json,Html" },
        { "Watch-Website", "WebhookFormat", "Json,Teams,Slack" },
        { "Watch-Website", "FailOn", "Down,Degraded" },
    };

    [Theory]
    [MemberData(nameof(FixedChoiceParameters))]
    public void FixedChoiceParametersCompleteTheirWords(string cmdlet, string parameter, string words)
    {
        var property = CmdletContractTests.Param(CmdletType(cmdlet), parameter);
        Assert.Equal(words.Split(','), CompletionWords(property));
    }

    /// <summary>A parameter that completes words shows the same words in Get-Help, whatever made them complete.</summary>
    [Fact]
    public void EveryCompletingParameterListsItsWordsInHelp()
    {
        int completing = 0;
        foreach (var (type, name) in CmdletContractTests.Cmdlets())
        {
            foreach (var property in Parameters(type))
            {
                var words = CompletionWords(property);
                if (words.Length == 0) continue;
                completing++;
                var helpParameter = _help.Root!.Elements(Command + "command")
                    .Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name)
                    .Element(Command + "parameters")!.Elements(Command + "parameter")
                    .Single(p => p.Element(Maml + "name")!.Value == property.Name);
                var listed = helpParameter.Element(Command + "parameterValueGroup")?.Elements(Command + "parameterValue").Select(v => v.Value).ToArray() ?? Array.Empty<string>();
                Assert.True(words.SequenceEqual(listed), $"{name} -{property.Name} completes {string.Join(", ", words)} but Get-Help lists {string.Join(", ", listed)}");
            }
        }

        Assert.True(completing >= FixedChoiceParameters().Count(), $"only {completing} parameters complete their values");
    }

    /// <summary>A string parameter named like a choice would take any text and complete nothing.</summary>
    [Fact]
    public void NoStringParameterIsAChoiceInDisguise()
    {
        var choiceNames = new[] { "Format", "Method", "Mode", "Kind", "FailOn", "Level", "Type" };
        foreach (var (type, name) in CmdletContractTests.Cmdlets())
        {
            foreach (var property in Parameters(type).Where(p => p.PropertyType == typeof(string) || p.PropertyType == typeof(string[])))
            {
                if (choiceNames.Any(c => property.Name.EndsWith(c, StringComparison.Ordinal)))
                {
                    Assert.True(CompletionWords(property).Length > 0, $"{name} -{property.Name} is a string with no [ValidateSet] or completer");
                }
            }
        }
    }

    /// <summary>The words PowerShell offers: a [ValidateSet]'s values, else the names of the (element) enum type.</summary>
    private static string[] CompletionWords(PropertyInfo property)
    {
        var set = CmdletContractTests.Attribute(property.GetCustomAttributesData(), typeof(ValidateSetAttribute));
        if (set != null) return ((IEnumerable<CustomAttributeTypedArgument>)set.ConstructorArguments[0].Value!).Select(v => (string)v.Value!).ToArray();
        var type = property.PropertyType.IsArray ? property.PropertyType.GetElementType()! : property.PropertyType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsEnum ? Enum.GetNames(type) : Array.Empty<string>();
    }

    private static IEnumerable<PropertyInfo> Parameters(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => CmdletContractTests.ParameterAttributes(p).Length > 0);

    private static Type CmdletType(string name) => CmdletContractTests.Cmdlets().Single(c => c.Name == name).Type;
}
