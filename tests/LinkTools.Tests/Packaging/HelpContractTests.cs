using System.Reflection;
using System.Xml.Linq;
using LinkTools.Build.Help;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// Generates the module's MAML help the way the Package step does, parses it as Get-Help would, and holds every
/// cmdlet to it: synopsis, description, every [Parameter] property documented, at least one example.
/// </summary>
public class HelpContractTests : IClassFixture<HelpContractTests.GeneratedHelp>
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace Msh = "http://msh";

    private readonly XDocument _maml;

    public HelpContractTests(GeneratedHelp help) => _maml = help.Document;

    public static TheoryData<string> CmdletNames()
    {
        var data = new TheoryData<string>();
        foreach (var (_, name) in CmdletContractTests.Cmdlets()) data.Add(name);
        return data;
    }

    [Fact]
    public void TheHelpFileIsMamlWithOneCommandPerCmdlet()
    {
        Assert.Equal(Msh + "helpItems", _maml.Root!.Name);
        Assert.Equal("maml", (string?)_maml.Root.Attribute("schema"));
        var names = _maml.Root.Elements(Command + "command").Select(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
        Assert.Equal(CmdletContractTests.Cmdlets().Select(c => c.Name).OrderBy(n => n), names.OrderBy(n => n));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryCmdletHasASynopsisADescriptionAndExamplesWithCode(string name)
    {
        var command = CommandNamed(name);
        Assert.False(string.IsNullOrWhiteSpace(Paras(command.Element(Command + "details")!.Element(Maml + "description"))), name + " has no synopsis (<summary> on the cmdlet class)");
        Assert.False(string.IsNullOrWhiteSpace(Paras(command.Element(Maml + "description"))), name + " has no description (<remarks> on the cmdlet class)");

        var examples = command.Element(Command + "examples")!.Elements(Command + "example").ToArray();
        Assert.True(examples.Length > 0, $"{name} has no example: add docs/examples/{name}.md");
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Element(Dev + "code")?.Value), name + ": an example has no code block");
            Assert.Contains(name, e.Element(Dev + "code")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(Paras(e.Element(Dev + "remarks"))), name + ": an example has no remarks");
        });
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void EveryParameterIsDocumentedAndNoneIsMadeUp(string name)
    {
        var type = CmdletContractTests.Cmdlets().Single(c => c.Name == name).Type;
        var declared = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => CmdletContractTests.ParameterAttributes(p).Length > 0)
            .Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
        var parameters = CommandNamed(name).Element(Command + "parameters")!.Elements(Command + "parameter").ToArray();

        Assert.Equal(declared, parameters.Select(ParameterName).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.False(string.IsNullOrWhiteSpace(Paras(p.Element(Maml + "description"))),
            $"{name} -{ParameterName(p)} has no description: add a /// <summary> to the property"));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void TheSyntaxShowsEveryParameterSetAndMandatoryParameter(string name)
    {
        var type = CmdletContractTests.Cmdlets().Single(c => c.Name == name).Type;
        var attributes = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(p => CmdletContractTests.ParameterAttributes(p).Select(a => (Property: p.Name, Attribute: a)))
            .ToArray();
        var sets = attributes.Select(a => CmdletContractTests.Named(a.Attribute, "ParameterSetName") as string).Where(s => s != null).Distinct().ToArray();
        var syntax = CommandNamed(name).Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToArray();

        Assert.Equal(Math.Max(1, sets.Length), syntax.Length);
        foreach (var (property, attribute) in attributes.Where(a => CmdletContractTests.Named(a.Attribute, "Mandatory") is true))
        {
            Assert.Contains(syntax.SelectMany(s => s.Elements(Command + "parameter")),
                p => ParameterName(p) == property && (string?)p.Attribute("required") == "true");
        }
    }

    [Fact]
    public void TestLinkHelpShowsPipelineInputAliasesAndDefaults()
    {
        var uri = CommandNamed("Test-Link").Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => ParameterName(p) == "Uri");
        Assert.Equal("True (ByPropertyName, ByValue)", (string?)uri.Attribute("pipelineInput"));
        Assert.Equal("Url, Href, Link, Address", (string?)uri.Attribute("aliases"));
        Assert.Equal("0", (string?)uri.Attribute("position"));

        var throttle = CommandNamed("Test-Link").Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => ParameterName(p) == "ThrottleLimit");
        Assert.Equal("50", throttle.Element(Dev + "defaultValue")!.Value);
        Assert.True(CommandNamed("Test-Link").Element(Command + "examples")!.Elements().Count() >= 4);
    }

    [Fact]
    public void ExampleFilesAreSplitIntoTitleCodeAndRemarks()
    {
        var examples = ExampleFile.Parse(new[]
        {
            "# Title of the file", "Intro text is ignored.", "",
            "## First", "```powershell", "Get-Thing |", "  Test-Link", "```", "", "Does one", "thing.", "", "Second para.",
            "## Second", "```", "Test-Link -Demo", "```", "Demo.",
        });

        Assert.Equal(2, examples.Count);
        Assert.Equal("First", examples[0].Title);
        Assert.Equal("Get-Thing |\n  Test-Link", examples[0].Code);
        Assert.Equal(new[] { "Does one thing.", "Second para." }, examples[0].Remarks);
        Assert.Equal("Test-Link -Demo", examples[1].Code);
    }

    private XElement CommandNamed(string name) =>
        _maml.Root!.Elements(Command + "command").Single(c => c.Element(Command + "details")!.Element(Command + "name")!.Value == name);

    private static string ParameterName(XElement parameter) => parameter.Element(Maml + "name")!.Value;

    private static string Paras(XElement? description) =>
        string.Join(" ", description?.Elements(Maml + "para").Select(p => p.Value) ?? Enumerable.Empty<string>());

    /// <summary>The MAML generated once for the class, read back from disk as PowerShell would read it.</summary>
    public sealed class GeneratedHelp : IDisposable
    {
        private readonly TempDirectory _temp = new();

        public GeneratedHelp()
        {
            var file = Path.Combine(_temp.Path, MamlNames.HelpFileName("LinkTools.PowerShell.dll"));
            ModuleHelpGenerator.Generate(ModuleBuildOutput.RootAssembly, ModuleBuildOutput.ExamplesDirectory, file);
            Document = XDocument.Load(file);
        }

        public XDocument Document { get; }

        public void Dispose() => _temp.Dispose();
    }
}
