using System.Reflection;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// Every type PowerShell can meet when it reflects over a module assembly's public types at import: base types and
/// interfaces, fields of any visibility, public and protected members, and the types named in attributes (read as
/// metadata, because PowerShellStandard's attribute classes are reference stubs). Lists those from assemblies that
/// are not allowed.
/// </summary>
internal static class PublicSurface
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    public static IReadOnlyList<string> ForeignTypes(IEnumerable<Type> publicTypes, Func<Assembly, bool> allowed)
    {
        var found = new List<string>();
        foreach (var type in publicTypes)
        {
            void Check(Type? used, string where)
            {
                foreach (var part in Parts(used))
                {
                    if (!allowed(part.Assembly)) found.Add($"{type.FullName} {where}: {part.FullName} from {part.Assembly.GetName().Name}");
                }
            }

            for (var baseType = type.BaseType; baseType != null; baseType = baseType.BaseType) Check(baseType, "base type");
            foreach (var contract in type.GetInterfaces()) Check(contract, "interface");
            CheckAttributes(type.GetCustomAttributesData(), "attribute", Check);

            foreach (var field in type.GetFields(Declared)) Check(field.FieldType, "field " + field.Name);
            foreach (var property in type.GetProperties(Declared).Where(p => p.GetAccessors(nonPublic: true).Any(Visible)))
            {
                Check(property.PropertyType, "property " + property.Name);
                foreach (var index in property.GetIndexParameters()) Check(index.ParameterType, "property " + property.Name);
                CheckAttributes(property.GetCustomAttributesData(), "property " + property.Name + " attribute", Check);
            }

            foreach (var method in type.GetMethods(Declared).Where(Visible))
            {
                Check(method.ReturnType, "method " + method.Name);
                foreach (var parameter in method.GetParameters()) Check(parameter.ParameterType, "method " + method.Name);
            }

            foreach (var constructor in type.GetConstructors(Declared).Where(Visible))
            {
                foreach (var parameter in constructor.GetParameters()) Check(parameter.ParameterType, "constructor");
            }

            foreach (var @event in type.GetEvents(Declared).Where(e => e.AddMethod is { } add && Visible(add))) Check(@event.EventHandlerType, "event " + @event.Name);
        }

        return found;
    }

    /// <summary>The assemblies of the running .NET itself (what netstandard2.0 maps to).</summary>
    public static bool IsFramework(Assembly assembly) =>
        !assembly.IsDynamic && string.Equals(Path.GetDirectoryName(assembly.Location), Path.GetDirectoryName(typeof(object).Assembly.Location), StringComparison.OrdinalIgnoreCase);

    private static bool Visible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static void CheckAttributes(IEnumerable<CustomAttributeData> attributes, string where, Action<Type?, string> check)
    {
        foreach (var attribute in attributes)
        {
            check(attribute.AttributeType, where);
            foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
            {
                if (argument.Value is Type single) check(single, where + " " + attribute.AttributeType.Name);
                if (argument.Value is IEnumerable<CustomAttributeTypedArgument> many)
                {
                    foreach (var item in many) check(item.Value as Type, where + " " + attribute.AttributeType.Name);
                }
            }
        }
    }

    // A type and what it is built from: Foo[], Foo&, List<Foo> and Foo? all name Foo.
    private static IEnumerable<Type> Parts(Type? type)
    {
        if (type == null || type.IsGenericParameter) yield break;
        if (type.HasElementType)
        {
            foreach (var part in Parts(type.GetElementType())) yield return part;
            yield break;
        }

        if (type.IsGenericType && !type.IsGenericTypeDefinition)
        {
            yield return type.GetGenericTypeDefinition();
            foreach (var part in type.GetGenericArguments().SelectMany(Parts)) yield return part;
            yield break;
        }

        yield return type;
    }
}
