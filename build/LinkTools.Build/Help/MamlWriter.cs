using System.Xml.Linq;
using static LinkTools.Build.Help.MamlNames;

namespace LinkTools.Build.Help;

/// <summary>Writes <see cref="CommandHelp"/> as the MAML XML that Get-Help reads beside a binary module.</summary>
internal static class MamlWriter
{
    public static XDocument Write(IEnumerable<CommandHelp> commands, string? relatedAboutTopic = null) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems",
                new XAttribute("schema", "maml"),
                commands.Select(c => Command(c, relatedAboutTopic))));

    private static XElement Command(CommandHelp help, string? aboutTopic) =>
        new(MamlNames.Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", MamlNames.Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(MamlNames.Command + "details",
                new XElement(MamlNames.Command + "name", help.Name),
                new XElement(MamlNames.Command + "verb", help.Verb),
                new XElement(MamlNames.Command + "noun", help.Noun),
                Description(new[] { help.Synopsis })),
            Description(help.Description),
            new XElement(MamlNames.Command + "syntax", help.ParameterSets.Select(set => SyntaxItem(help.Name, set))),
            new XElement(MamlNames.Command + "parameters", help.Parameters.Select(p => Parameter(p, p.IsRequiredAnywhere, p.Position))),
            new XElement(MamlNames.Command + "inputTypes", help.Inputs.Select(t => TypeEntry("inputType", t))),
            new XElement(MamlNames.Command + "returnValues", help.Outputs.Select(t => TypeEntry("returnValue", t))),
            new XElement(MamlNames.Command + "examples", help.Examples.Select((e, i) => Example(e, i + 1))),
            new XElement(MamlNames.Command + "relatedLinks",
                aboutTopic == null ? null : new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", aboutTopic), new XElement(Maml + "uri"))));

    private static XElement SyntaxItem(string commandName, ParameterSetHelp set) =>
        new(MamlNames.Command + "syntaxItem",
            new XElement(Maml + "name", commandName),
            set.Parameters.Select(p => Parameter(p.Parameter, p.Usage.Mandatory, p.Usage.Position)));

    private static XElement Parameter(ParameterHelp p, bool required, int? position) =>
        new(MamlNames.Command + "parameter",
            new XAttribute("required", Bool(required)),
            new XAttribute("variableLength", Bool(p.TypeName.EndsWith("[]", StringComparison.Ordinal))),
            new XAttribute("globbing", "false"),
            new XAttribute("pipelineInput", p.PipelineInput),
            new XAttribute("position", position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", p.Aliases.Count == 0 ? "none" : string.Join(", ", p.Aliases)),
            new XElement(Maml + "name", p.Name),
            Description(p.Description),
            p.AllowedValues.Count == 0
                ? null
                : new XElement(MamlNames.Command + "parameterValueGroup",
                    p.AllowedValues.Select(v => new XElement(MamlNames.Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))),
            p.IsSwitch ? null : new XElement(MamlNames.Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), p.TypeName),
            new XElement(Dev + "type", new XElement(Maml + "name", p.TypeName), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", p.IsSwitch ? "False" : p.DefaultValue ?? "None"));

    private static XElement TypeEntry(string element, TypeHelp type) =>
        new(MamlNames.Command + element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
            Description(new[] { type.Description }));

    private static XElement Example(ExampleHelp example, int number) =>
        new(MamlNames.Command + "example",
            new XElement(Maml + "title", $"--------- Example {number}: {example.Title} ---------"),
            new XElement(Dev + "code", example.Code),
            new XElement(Dev + "remarks", example.Remarks.Select(Para)));

    private static XElement Description(IEnumerable<string> paragraphs) =>
        new(Maml + "description", paragraphs.Where(p => p.Length > 0).Select(Para));

    private static XElement Para(string text) => new(Maml + "para", text);

    private static string Bool(bool value) => value ? "true" : "false";
}
