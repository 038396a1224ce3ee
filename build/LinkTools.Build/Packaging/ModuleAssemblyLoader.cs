using System.Reflection;
using System.Runtime.Loader;

namespace LinkTools.Build.Packaging;

/// <summary>
/// Loads a module assembly for inspection in its own context: references resolve from this process first (the
/// PowerShell reference assembly, the framework) and then from the module's build output.
/// </summary>
internal sealed class ModuleAssemblyLoader : AssemblyLoadContext
{
    private readonly string _directory;

    private ModuleAssemblyLoader(string directory) : base("module-inspection", isCollectible: true) => _directory = directory;

    public static Assembly Load(string assemblyPath, out ModuleAssemblyLoader context)
    {
        var fullPath = Path.GetFullPath(assemblyPath);
        context = new ModuleAssemblyLoader(Path.GetDirectoryName(fullPath)!);
        return context.LoadFromAssemblyPath(fullPath);
    }

    protected override Assembly? Load(AssemblyName name)
    {
        try
        {
            return Default.LoadFromAssemblyName(name);
        }
        catch (FileNotFoundException)
        {
            var candidate = Path.Combine(_directory, name.Name + ".dll");
            return File.Exists(candidate) ? LoadFromAssemblyPath(candidate) : null;
        }
    }
}
