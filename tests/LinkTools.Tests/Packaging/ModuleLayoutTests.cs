using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using LinkTools.Build.Packaging;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>Runs the Package step's layout (what build.ps1 -Task Package does) and checks the module folder it makes.</summary>
public class ModuleLayoutTests
{
    private static IReadOnlyList<string> Layout(string output) =>
        ModuleLayout.Create(ModuleLayoutRequest.ForRepository(CmdletContractTests.RepoRoot(), ModuleBuildOutput.Directory, output));

    [Fact]
    public void TheModuleFolderHasManifestAssembliesFormatDataAndHelp()
    {
        using var temp = new TempDirectory();
        var files = Layout(Path.Combine(temp.Path, "LinkTools"));

        Assert.Contains("LinkTools.psd1", files);
        Assert.Contains("LinkTools.PowerShell.dll", files);
        Assert.Contains("LinkTools.Model.dll", files);
        Assert.Contains("dependencies/LinkTools.Core.dll", files);
        Assert.Contains("dependencies/AngleSharp.dll", files);
        Assert.Contains("LinkTools.format.ps1xml", files);
        Assert.Contains("en-US/about_LinkTools.help.txt", files);
        Assert.Contains("en-US/LinkTools.PowerShell.dll-Help.xml", files);
    }

    [Fact]
    public void TheModuleFolderShipsNothingButTheManifestContentHelpAndNeededAssemblies()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "LinkTools");
        var files = Layout(output);

        // PowerShell brings its own System.Management.Automation; a copy beside the module would shadow it.
        Assert.DoesNotContain(files, f => f.Contains("System.Management.Automation", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(files, f => f.EndsWith(".pdb") || f.EndsWith(".deps.json"));
        var shippedContent = Directory.GetFiles(ModuleBuildOutput.ModuleContentDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(ModuleBuildOutput.ModuleContentDirectory, f).Replace('\\', '/'));
        var expectedOthers = new[] { "LinkTools.psd1", "LICENSE", "en-US/LinkTools.PowerShell.dll-Help.xml" }.Concat(shippedContent);
        Assert.Equal(expectedOthers.OrderBy(f => f), files.Where(f => !f.EndsWith(".dll")).OrderBy(f => f));

        // Every shipped assembly is the root module or referenced by another shipped assembly: nothing else.
        var shipped = files.Where(f => f.EndsWith(".dll")).ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => Path.Combine(output, f), StringComparer.OrdinalIgnoreCase);
        var dlls = shipped.Keys.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var referenced = shipped.Values.SelectMany(References).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(dlls.Where(d => d != "LinkTools.PowerShell"), d => Assert.Contains(d, referenced));

        // And every reference that the build output could satisfy is shipped.
        var available = Directory.GetFiles(ModuleBuildOutput.Directory, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = referenced.Where(r => available.Contains(r) && !dlls.Contains(r) && !DependencyClosure.HostProvided.Contains(r));
        Assert.Empty(missing);
    }

    [Fact]
    public void TheRootHoldsOnlyWhatPowerShellLoadsAndDependenciesHoldsTheRest()
    {
        using var temp = new TempDirectory();
        var files = Layout(Path.Combine(temp.Path, "LinkTools"));

        // PowerShell loads the module root into its shared default context: the cmdlets and the types it shows.
        var rootAssemblies = files.Where(f => !f.Contains('/') && f.EndsWith(".dll")).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(new[] { "LinkTools.Model.dll", "LinkTools.PowerShell.dll" }, rootAssemblies);

        // The engine and every library it brings are the loader's, in dependencies/, and only assemblies go there.
        var isolated = files.Where(f => f.StartsWith(ModuleLayout.DependenciesFolder + "/", StringComparison.Ordinal)).ToArray();
        Assert.All(isolated, f => Assert.EndsWith(".dll", f));
        Assert.All(isolated, f => Assert.DoesNotContain('/', f.Substring(ModuleLayout.DependenciesFolder.Length + 1)));
        foreach (var library in new[] { "LinkTools.Core", "AngleSharp", "Markdig", "TimeZoneConverter", "System.Text.Json", "System.Threading.Channels", "System.Text.Encoding.CodePages", "System.Memory" })
        {
            Assert.Contains($"{ModuleLayout.DependenciesFolder}/{library}.dll", isolated);
        }

        // The model needs nothing the module root lacks: it stays loadable beside the cmdlets.
        var modelReferences = References(Path.Combine(temp.Path, "LinkTools", "LinkTools.Model.dll"));
        Assert.All(modelReferences, r => Assert.Contains(r, new[] { "netstandard", "mscorlib" }));
    }

    [Fact]
    public void TheManifestLoadsNothingBeforeTheModulesLoaderRuns()
    {
        // RequiredAssemblies and NestedModules are loaded into PowerShell's default context before the module's
        // initializer could isolate them.
        var text = File.ReadAllText(Path.Combine(CmdletContractTests.RepoRoot(), "LinkTools.psd1"));
        var manifest = ModuleManifest.Read(Path.Combine(CmdletContractTests.RepoRoot(), "LinkTools.psd1"));
        Assert.Equal("LinkTools.PowerShell.dll", manifest.RootModule);
        Assert.DoesNotMatch(@"(?m)^\s*RequiredAssemblies\s*=\s*(?!@\(\s*\))", text);
        Assert.DoesNotMatch(@"(?m)^\s*NestedModules\s*=\s*(?!@\(\s*\))", text);
    }

    [Fact]
    public void EveryFileTheManifestNamesIsInTheModuleFolder()
    {
        using var temp = new TempDirectory();
        var output = Path.Combine(temp.Path, "LinkTools");
        Layout(output);
        var manifest = ModuleManifest.Read(Path.Combine(output, "LinkTools.psd1"));

        Assert.True(File.Exists(Path.Combine(output, manifest.RootModule)));
        Assert.NotEmpty(manifest.FormatsToProcess);
        Assert.All(manifest.FormatsToProcess.Concat(manifest.TypesToProcess), f => Assert.True(File.Exists(Path.Combine(output, f)), f));
    }

    [Fact]
    public void AManifestVersionThatDiffersFromTheAssemblyVersionStopsThePackage()
    {
        using var temp = new TempDirectory();
        var manifest = Path.Combine(temp.Path, "LinkTools.psd1");
        var text = File.ReadAllText(Path.Combine(CmdletContractTests.RepoRoot(), "LinkTools.psd1"));
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(text, @"ModuleVersion\s*=\s*'[^']*'", "ModuleVersion = '9.9.9'"));
        var request = new ModuleLayoutRequest(ModuleBuildOutput.Directory, manifest, ModuleBuildOutput.ModuleContentDirectory, ModuleBuildOutput.ExamplesDirectory, Path.Combine(temp.Path, "out"));

        var error = Assert.Throws<InvalidDataException>(() => ModuleLayout.Create(request));
        Assert.Contains("9.9.9", error.Message);
    }

    private static IEnumerable<string> References(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToArray();
    }
}
