using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LinkTools.Build.Help;

/// <summary>The C# XML documentation files of a set of assemblies, rendered as plain paragraphs for help.</summary>
internal sealed class XmlDocComments
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    /// <summary>Reads every documentation file (Assembly.xml) found beside the given assemblies.</summary>
    public static XmlDocComments ForAssemblies(IEnumerable<string> assemblyPaths)
    {
        var docs = new XmlDocComments();
        foreach (var path in assemblyPaths)
        {
            var xml = Path.ChangeExtension(path, ".xml");
            if (!File.Exists(xml)) continue;
            foreach (var member in XDocument.Load(xml).Descendants("member"))
            {
                var name = (string?)member.Attribute("name");
                if (name != null) docs._members[name] = member;
            }
        }

        return docs;
    }

    public IReadOnlyList<string> Summary(Type type) => Paragraphs(TypeId(type), "summary");

    public IReadOnlyList<string> Remarks(Type type) => Paragraphs(TypeId(type), "remarks");

    public IReadOnlyList<string> Summary(PropertyInfo property) =>
        Paragraphs("P:" + TypeName(property.DeclaringType!) + "." + property.Name, "summary");

    private static string TypeId(Type type) => "T:" + TypeName(type);

    private static string TypeName(Type type) => (type.FullName ?? type.Name).Replace('+', '.');

    private IReadOnlyList<string> Paragraphs(string memberId, string element)
    {
        if (!_members.TryGetValue(memberId, out var member) || member.Element(element) is not { } content)
        {
            return Array.Empty<string>();
        }

        var paragraphs = new List<string>();
        var current = new StringBuilder();
        Render(content, current, paragraphs);
        Flush(current, paragraphs);
        return paragraphs;
    }

    private static void Render(XElement element, StringBuilder current, List<string> paragraphs)
    {
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    current.Append(text.Value);
                    break;
                case XElement { Name.LocalName: "para" } para:
                    Flush(current, paragraphs);
                    Render(para, current, paragraphs);
                    Flush(current, paragraphs);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } see:
                    current.Append(CrefText(see));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } reference:
                    current.Append((string?)reference.Attribute("name"));
                    break;
                case XElement other:
                    Render(other, current, paragraphs);
                    break;
            }
        }
    }

    // <see cref="T:Ns.LinkResult"/> reads as "LinkResult"; <see langword="null"/> as "null".
    private static string CrefText(XElement see)
    {
        if (!see.IsEmpty) return see.Value;
        var word = (string?)see.Attribute("langword");
        if (word != null) return word;
        var cref = (string?)see.Attribute("cref") ?? "";
        cref = Regex.Replace(cref, @"^\w:", "");
        cref = Regex.Replace(cref, @"\(.*\)$", "");
        return cref.Substring(cref.LastIndexOf('.') + 1);
    }

    private static void Flush(StringBuilder current, List<string> paragraphs)
    {
        var text = Regex.Replace(current.ToString(), @"\s+", " ").Trim();
        if (text.Length > 0) paragraphs.Add(text);
        current.Clear();
    }
}
