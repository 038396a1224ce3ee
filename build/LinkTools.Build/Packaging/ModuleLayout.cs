using System.Reflection;
using LinkTools.Build.Help;

namespace LinkTools.Build.Packaging;

/// <summary>
/// Produces the module folder that Import-Module and Publish-Module take: manifest, root assembly and the assemblies
/// shared with PowerShell's default context in the root, exactly the other dependencies it needs in dependencies/,
/// shipped content (format data, about_ help) and the generated MAML help.
/// </summary>
internal static class ModuleLayout
{
    public const string HelpCulture = "en-US";

    /// <summary>
    /// Where the engine and every library it needs go. PowerShell loads only the module root by itself; the module's
    /// loader loads this folder into its own load context, so other modules' versions of the same libraries never clash.
    /// </summary>
    public const string DependenciesFolder = "dependencies";

    /// <summary>Creates the folder and returns the paths written, relative to it.</summary>
    public static IReadOnlyList<string> Create(ModuleLayoutRequest request)
    {
        var manifest = ModuleManifest.Read(request.ManifestPath);
        var rootAssembly = Path.Combine(request.BuildOutput, manifest.RootModule);
        if (!File.Exists(rootAssembly)) throw new FileNotFoundException($"The manifest's RootModule {manifest.RootModule} is not in {request.BuildOutput}; build it first.", rootAssembly);
        RequireVersionMatch(manifest, rootAssembly);

        var output = Path.GetFullPath(request.OutputDirectory);
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(output);

        File.Copy(request.ManifestPath, Path.Combine(output, Path.GetFileName(request.ManifestPath)));

        // The license the manifest's LicenseUri points to travels with the module, as the gallery's modules do.
        var license = Path.Combine(Path.GetDirectoryName(request.ManifestPath)!, "LICENSE");
        if (File.Exists(license)) File.Copy(license, Path.Combine(output, "LICENSE"));
        var dependencies = Path.Combine(output, DependenciesFolder);
        Directory.CreateDirectory(dependencies);
        foreach (var assembly in DependencyClosure.Of(rootAssembly))
        {
            var name = Path.GetFileNameWithoutExtension(assembly);
            var inRoot = name.Equals(Path.GetFileNameWithoutExtension(manifest.RootModule), StringComparison.OrdinalIgnoreCase) || request.SharedAssemblies.Contains(name);
            File.Copy(assembly, Path.Combine(inRoot ? output : dependencies, Path.GetFileName(assembly)));
        }

        CopyTree(request.ContentDirectory, output);
        ModuleHelpGenerator.Generate(rootAssembly, request.ExamplesDirectory,
            Path.Combine(output, HelpCulture, MamlNames.HelpFileName(manifest.RootModule)));

        foreach (var file in manifest.FormatsToProcess.Concat(manifest.TypesToProcess))
        {
            if (!File.Exists(Path.Combine(output, file))) throw new FileNotFoundException($"The manifest lists {file}, but {request.ContentDirectory} does not provide it.", file);
        }

        return Directory.GetFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
    }

    // A manifest version that differs from the assembly's means one of them was bumped and the other forgotten.
    private static void RequireVersionMatch(ModuleManifest manifest, string rootAssembly)
    {
        var assemblyVersion = AssemblyName.GetAssemblyName(rootAssembly).Version!;
        if (!Version.TryParse(manifest.ModuleVersion, out var moduleVersion) ||
            moduleVersion.Major != assemblyVersion.Major || moduleVersion.Minor != assemblyVersion.Minor || moduleVersion.Build != assemblyVersion.Build)
        {
            throw new InvalidDataException($"ModuleVersion {manifest.ModuleVersion} in {manifest.Path} does not match {Path.GetFileName(rootAssembly)} {assemblyVersion.ToString(3)} (Version in Directory.Build.props).");
        }
    }

    private static void CopyTree(string source, string destination)
    {
        if (!Directory.Exists(source)) return;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(destination, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }
}
