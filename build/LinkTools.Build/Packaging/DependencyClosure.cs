using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace LinkTools.Build.Packaging;

/// <summary>
/// The assemblies a module needs beside it: everything its root assembly references, directly or not, that exists in
/// the build output. What is not there comes from the framework; what the host provides is left out.
/// </summary>
internal static class DependencyClosure
{
    /// <summary>Assemblies PowerShell itself provides; shipping a copy would shadow or clash with the host's.</summary>
    public static readonly IReadOnlySet<string> HostProvided = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "System.Management.Automation",
        "Microsoft.PowerShell.CoreCLR.Eventing",
        "Microsoft.PowerShell.Commands.Utility",
    };

    /// <summary>Full paths of the root assembly and every dependency found in its directory, in discovery order.</summary>
    public static IReadOnlyList<string> Of(string rootAssemblyPath)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(rootAssemblyPath))!;
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var pending = new Queue<string>();
        pending.Enqueue(Path.GetFullPath(rootAssemblyPath));
        seen.Add(Path.GetFileNameWithoutExtension(rootAssemblyPath));

        while (pending.Count > 0)
        {
            var path = pending.Dequeue();
            found.Add(path);
            foreach (var reference in References(path))
            {
                if (HostProvided.Contains(reference) || !seen.Add(reference)) continue;
                var candidate = Path.Combine(directory, reference + ".dll");
                if (File.Exists(candidate)) pending.Enqueue(candidate);
            }
        }

        return found;
    }

    private static IEnumerable<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name))
            .ToArray();
    }
}
