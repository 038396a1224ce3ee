using System.Collections;
using System.Reflection;

namespace LinkTools.Build.Help;

/// <summary>
/// Builds <see cref="CommandHelp"/> for every cmdlet in a module assembly from its attributes (read as metadata, by
/// name, so any PowerShell reference assembly will do), its XML doc comments and its example file.
/// </summary>
internal sealed class CmdletHelpReader
{
    private const string AllSets = "__AllParameterSets";
    private const string Sma = "System.Management.Automation.";
    private const string SettingAttribute = "SettingAttribute";

    private readonly XmlDocComments _docs;
    private readonly string _examplesDirectory;

    public CmdletHelpReader(XmlDocComments docs, string examplesDirectory)
    {
        _docs = docs;
        _examplesDirectory = examplesDirectory;
    }

    public IReadOnlyList<CommandHelp> Read(Assembly moduleAssembly) =>
        moduleAssembly.GetTypes()
            .Select(type => (Type: type, Cmdlet: Find(type.GetCustomAttributesData(), "CmdletAttribute")))
            .Where(t => t.Cmdlet != null && !t.Type.IsAbstract)
            .Select(t => ReadCommand(t.Type, t.Cmdlet!))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToArray();

    private CommandHelp ReadCommand(Type type, CustomAttributeData cmdlet)
    {
        string name = cmdlet.ConstructorArguments[0].Value + "-" + cmdlet.ConstructorArguments[1].Value;
        object? defaults = TryCreate(type);
        var parameters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttributesData().Any(a => IsSma(a, "ParameterAttribute")))
            .Select(p => ReadParameter(p, defaults))
            .ToArray();

        return new CommandHelp(
            name,
            string.Join(" ", _docs.Summary(type)),
            _docs.Remarks(type),
            parameters.OrderBy(p => p.Name, StringComparer.Ordinal).ToArray(),
            ParameterSets(parameters, Named(cmdlet, "DefaultParameterSetName") as string),
            Inputs(parameters),
            Outputs(type),
            ExampleFile.Read(ExampleFile.PathFor(_examplesDirectory, name)));
    }

    private ParameterHelp ReadParameter(PropertyInfo property, object? defaults)
    {
        var attributes = property.GetCustomAttributesData();
        var parameterAttributes = attributes.Where(a => IsSma(a, "ParameterAttribute")).ToArray();
        var usages = parameterAttributes.Select(a => new ParameterUsage(
                Named(a, "ParameterSetName") as string ?? AllSets,
                Named(a, "Mandatory") is true,
                Named(a, "Position") is int position && position >= 0 ? position : null))
            .ToArray();

        var aliases = Find(attributes, "AliasAttribute") is { } alias ? Strings(alias.ConstructorArguments) : Array.Empty<string>();
        var type = property.PropertyType;
        bool isSwitch = type.FullName == Sma + "SwitchParameter";
        var valueType = Nullable.GetUnderlyingType(type) ?? type;
        var allowed = Find(attributes, "ValidateSetAttribute") is { } set
            ? Strings(set.ConstructorArguments)
            : valueType.IsEnum ? Enum.GetNames(valueType) : Array.Empty<string>();

        // A parameter every set requires has no default to show; [PSDefaultValue(Help = ...)] says what an unset one means.
        bool alwaysRequired = usages.Length > 0 && usages.All(u => u.Mandatory);
        string? defaultValue = isSwitch || alwaysRequired ? null
            : Find(attributes, "PSDefaultValueAttribute") is { } stated ? (Named(stated, "Help") ?? Named(stated, "Value"))?.ToString()
            : DefaultOf(property, defaults);

        return new ParameterHelp(
            property.Name,
            TypeName(type),
            Description(property),
            aliases,
            allowed,
            defaultValue,
            isSwitch,
            parameterAttributes.Any(a => Named(a, "ValueFromPipeline") is true),
            parameterAttributes.Any(a => Named(a, "ValueFromPipelineByPropertyName") is true),
            usages);
    }

    /// <summary>
    /// A described setting's help comes from its description ([Setting], which states its bounds from the numbers
    /// themselves); any other parameter's from its XML doc comment. Both at once would be two sources: refused.
    /// </summary>
    private IReadOnlyList<string> Description(PropertyInfo property)
    {
        var documented = _docs.Summary(property);
        var setting = property.GetCustomAttributes(inherit: true).FirstOrDefault(a => a.GetType().Name == SettingAttribute);
        if (setting == null) return documented;
        if (documented.Count > 0)
        {
            throw new InvalidOperationException($"-{property.Name} of {property.DeclaringType!.Name} has both a [Setting] and a /// <summary>: its help belongs in its description alone.");
        }

        return new[] { (string)setting.GetType().GetProperty("Help")!.GetValue(setting)! };
    }

    private static IReadOnlyList<ParameterSetHelp> ParameterSets(IReadOnlyList<ParameterHelp> parameters, string? defaultSet)
    {
        var names = parameters.SelectMany(p => p.Usages).Select(u => u.ParameterSet).Where(s => s != AllSets).Distinct().ToList();
        if (names.Count == 0) names.Add(AllSets);

        // The default set first, as Get-Command -Syntax shows it.
        return names.OrderBy(n => n == defaultSet ? 0 : 1)
            .Select(set => new ParameterSetHelp(set, parameters
                .Select((p, index) => (Parameter: p, Index: index, Usage: p.Usages.FirstOrDefault(u => u.ParameterSet == set) ?? p.Usages.FirstOrDefault(u => u.ParameterSet == AllSets)))
                .Where(x => x.Usage != null)
                .OrderBy(x => x.Usage!.Position ?? int.MaxValue).ThenBy(x => x.Usage!.Mandatory ? 0 : 1).ThenBy(x => x.Index)
                .Select(x => (x.Parameter, x.Usage!))
                .ToArray()))
            .ToArray();
    }

    private static IReadOnlyList<TypeHelp> Inputs(IReadOnlyList<ParameterHelp> parameters)
    {
        var inputs = new List<TypeHelp>();
        foreach (var p in parameters.Where(p => p.ByValue))
        {
            inputs.Add(new TypeHelp(p.TypeName, $"You can pipe {p.TypeName} values to the {p.Name} parameter."));
        }

        foreach (var p in parameters.Where(p => p.ByPropertyName))
        {
            var names = string.Join(" or ", new[] { p.Name }.Concat(p.Aliases));
            inputs.Add(new TypeHelp("PSObject", $"You can pipe objects with a {names} property (for example rows from Import-Csv) to the {p.Name} parameter."));
        }

        return inputs;
    }

    private IReadOnlyList<TypeHelp> Outputs(Type type) =>
        type.GetCustomAttributesData().Where(a => IsSma(a, "OutputTypeAttribute"))
            .SelectMany(a => a.ConstructorArguments)
            .SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { arg.Value })
            .Select(value => value is Type t
                ? new TypeHelp(t.FullName ?? t.Name, string.Join(" ", _docs.Summary(t)))
                : new TypeHelp(value?.ToString() ?? "", ""))
            .ToArray();

    // Defaults come from a fresh instance so help shows what the code does, not what someone remembered.
    private static object? TryCreate(Type type)
    {
        try
        {
            return Activator.CreateInstance(type);
        }
        catch (Exception)
        {
            return null;
        }
    }

    private static string? DefaultOf(PropertyInfo property, object? instance)
    {
        if (instance == null) return null;
        try
        {
            var value = property.GetValue(instance);
            return value switch
            {
                null => null,
                string s when s.Length == 0 => null,
                string s => s,
                IEnumerable => null,
                _ => value.ToString(),
            };
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>The type as PowerShell users write it: TimeSpan for Nullable`1[TimeSpan], String[] for an array.</summary>
    internal static string TypeName(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) return TypeName(underlying);
        if (type.IsArray) return TypeName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        string name = type.Name.Substring(0, type.Name.IndexOf('`'));
        return name + "[" + string.Join(",", type.GetGenericArguments().Select(TypeName)) + "]";
    }

    private static bool IsSma(CustomAttributeData data, string name) => data.AttributeType.FullName == Sma + name;

    private static CustomAttributeData? Find(IEnumerable<CustomAttributeData> all, string name) => all.FirstOrDefault(a => IsSma(a, name));

    private static object? Named(CustomAttributeData data, string name) =>
        data.NamedArguments.Where(a => a.MemberName == name).Select(a => a.TypedValue.Value).FirstOrDefault();

    private static string[] Strings(IEnumerable<CustomAttributeTypedArgument> arguments) =>
        arguments.SelectMany(a => a.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : new[] { a.Value })
            .OfType<string>()
            .ToArray();
}
