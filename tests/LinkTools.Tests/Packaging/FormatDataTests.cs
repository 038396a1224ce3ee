using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LinkTools.PowerShell.Commands;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// Holds module/*.format.ps1xml to the code: well-formed, every type it names exists in the module's assemblies,
/// every property it shows exists on that type, and every result type of the module's own that a cmdlet declares has a table view.
/// </summary>
public class FormatDataTests
{
    // A 120-column console: the fixed-width columns plus separators must leave room for the last, auto-sized one.
    private const int ConsoleWidth = 120;
    private const int LastColumnRoom = 20;

    private static string[] FormatFileNames() =>
        Directory.GetFiles(ModuleBuildOutput.ModuleContentDirectory, "*.format.ps1xml").Select(f => Path.GetFileName(f)).ToArray();

    public static TheoryData<string> FormatFiles() => new(FormatFileNames());

    private static IEnumerable<XElement> Views(string file) =>
        XDocument.Load(Path.Combine(ModuleBuildOutput.ModuleContentDirectory, file)).Descendants("View");

    /// <summary>The module's own assemblies: the cmdlet assembly and the LinkTools assemblies it references.</summary>
    private static IReadOnlyList<Assembly> ModuleAssemblies()
    {
        var root = typeof(TestLinkCommand).Assembly;
        return new[] { root }.Concat(root.GetReferencedAssemblies().Where(a => a.Name!.StartsWith("LinkTools", StringComparison.Ordinal)).Select(Assembly.Load)).ToArray();
    }

    private static Type? FindType(string fullName) => ModuleAssemblies().Select(a => a.GetType(fullName)).FirstOrDefault(t => t != null);

    [Fact]
    public void TheManifestLoadsEveryFormatFile()
    {
        var manifest = LinkTools.Build.Packaging.ModuleManifest.Read(Path.Combine(CmdletContractTests.RepoRoot(), "LinkTools.psd1"));
        Assert.Equal(FormatFileNames().OrderBy(f => f), manifest.FormatsToProcess.OrderBy(f => f));
    }

    [Theory]
    [MemberData(nameof(FormatFiles))]
    public void EveryViewNamesARealTypeAndRealProperties(string file)
    {
        var views = Views(file).ToArray();
        Assert.NotEmpty(views);
        foreach (var view in views)
        {
            var typeNames = view.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()).ToArray();
            Assert.NotEmpty(typeNames);
            foreach (var typeName in typeNames)
            {
                var type = FindType(typeName);
                Assert.True(type != null, $"{file}: view {view.Element("Name")?.Value} selects {typeName}, which is not in the module's assemblies");
            }

            // A view shared by several types reads each type's properties in a row entry selected by that type; the
            // default entry (no EntrySelectedBy) serves the types no other entry selects.
            var entries = view.Descendants("TableRowEntry").ToArray();
            var parts = entries.Length == 0 ? new[] { view } : entries;
            var claimed = entries.SelectMany(e => e.Element("EntrySelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()) ?? Enumerable.Empty<string>()).ToArray();
            foreach (var part in parts)
            {
                var selected = part.Element("EntrySelectedBy")?.Elements("TypeName").Select(t => t.Value.Trim()).ToArray() ?? typeNames.Except(claimed).ToArray();
                Assert.All(selected, t => Assert.Contains(t, typeNames));
                foreach (var typeName in selected)
                {
                    var type = FindType(typeName)!;
                    foreach (var property in ShownProperties(part))
                    {
                        Assert.True(type.GetProperty(property, BindingFlags.Public | BindingFlags.Instance) != null, $"{file}: {typeName} has no property {property}");
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(FormatFiles))]
    public void TableViewsHaveOneHeaderPerColumnAndFitTheConsole(string file)
    {
        foreach (var table in Views(file).Select(v => v.Element("TableControl")).Where(t => t != null))
        {
            var headers = table!.Element("TableHeaders")!.Elements("TableColumnHeader").ToArray();
            foreach (var row in table.Descendants("TableColumnItems"))
            {
                Assert.Equal(headers.Length, row.Elements("TableColumnItem").Count());
            }

            Assert.InRange(headers.Length, 2, 7);
            int fixedWidth = headers.Sum(h => (int?)h.Element("Width") ?? 0) + headers.Length - 1;
            Assert.True(fixedWidth <= ConsoleWidth - LastColumnRoom, $"{file}: table columns take {fixedWidth} characters");
        }
    }

    [Fact]
    public void EveryResultTypeACmdletDeclaresHasATableView()
    {
        var viewed = FormatFileNames().SelectMany(Views)
            .Where(v => v.Element("TableControl") != null)
            .SelectMany(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Select(t => t.Value.Trim()))
            .ToHashSet();
        var resultTypes = CmdletContractTests.Cmdlets().SelectMany(c => CmdletContractTests.OutputTypes(c.Type))
            .Where(t => ModuleAssemblies().Contains(t.Assembly))
            .Select(t => t.FullName!)
            .Distinct();

        Assert.All(resultTypes, t => Assert.Contains(t, viewed));
    }

    /// <summary>
    /// A view only shapes the console table; Export-Csv and ConvertTo-Json read the object itself. So every result type
    /// stays flat (each property a value Export-Csv writes as text, never a type name like System.String[]), and the
    /// module ships no types file that could add or hide members.
    /// </summary>
    [Fact]
    public void ExportCsvGetsEveryPropertyOfEveryResultTypeAsAValue()
    {
        var scalars = new[] { typeof(string), typeof(DateTimeOffset), typeof(DateTime), typeof(TimeSpan), typeof(decimal) };
        var resultTypes = CmdletContractTests.Cmdlets().SelectMany(c => CmdletContractTests.OutputTypes(c.Type))
            .Where(t => ModuleAssemblies().Contains(t.Assembly)).Distinct().ToArray();
        Assert.NotEmpty(resultTypes);
        foreach (var type in resultTypes)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
            Assert.True(properties.Length > 2, type.Name);
            foreach (var property in properties)
            {
                var valueType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                Assert.True(valueType.IsPrimitive || valueType.IsEnum || scalars.Contains(valueType), $"{type.Name}.{property.Name} is a {property.PropertyType.Name}, which Export-Csv writes as its type name");
                Assert.True(property.GetIndexParameters().Length == 0, $"{type.Name}.{property.Name} is an indexer");
            }
        }

        Assert.Empty(Directory.GetFiles(ModuleBuildOutput.ModuleContentDirectory, "*.types.ps1xml", SearchOption.AllDirectories));
        var manifest = LinkTools.Build.Packaging.ModuleManifest.Read(Path.Combine(CmdletContractTests.RepoRoot(), "LinkTools.psd1"));
        Assert.Empty(manifest.TypesToProcess);
    }

    /// <summary>Properties a view reads: PropertyName elements and $_.Name in script blocks.</summary>
    private static IEnumerable<string> ShownProperties(XElement view) =>
        view.Descendants("PropertyName").Select(p => p.Value.Trim())
            .Concat(view.Descendants("ScriptBlock").SelectMany(s => Regex.Matches(s.Value, @"\$_\.(\w+)").Select(m => m.Groups[1].Value)))
            .Distinct();
}
