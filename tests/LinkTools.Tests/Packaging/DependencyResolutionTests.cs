using System.Reflection;
using System.Reflection.Emit;
using LinkTools.Build.Packaging;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.PowerShell.Loading;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// The name-to-file logic both loaders share, and Windows PowerShell's AssemblyResolve handler as far as it runs on
/// .NET: names map to dependencies/ files by simple name when the file's version is the one asked for or newer, the
/// model's name maps to the copy beside the cmdlets, and anything else is refused.
/// </summary>
public class DependencyResolutionTests
{
    [Fact]
    public void ThePackagedFolderAnswersForTheEngineAndItsLibrariesOnly()
    {
        using var temp = new TempDirectory();
        var module = Path.Combine(temp.Path, "LinkTools");
        ModuleLayout.Create(ModuleLayoutRequest.ForRepository(CmdletContractTests.RepoRoot(), ModuleBuildOutput.Directory, module));
        var folder = DependencyFolder.Beside(module);

        Assert.Equal(Path.Combine(module, "dependencies", "LinkTools.Core.dll"), folder.PathFor("LinkTools.Core, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null"));
        Assert.Equal(Path.Combine(module, "dependencies", "AngleSharp.dll"), folder.PathFor("AngleSharp, Version=0.17.1.0, Culture=neutral, PublicKeyToken=e83494dcdc6d31ea"));
        Assert.Equal(Path.Combine(module, "dependencies", "System.Text.Json.dll"), folder.PathFor("system.text.json"));
        Assert.Null(folder.PathFor("LinkTools.Model"));         // in the module root, PowerShell's to load
        Assert.Null(folder.PathFor("LinkTools.PowerShell"));
        Assert.Null(folder.PathFor("System.Management.Automation"));
        Assert.Null(folder.PathFor("LinkTools.Core.resources, Version=0.1.0.0, Culture=de, PublicKeyToken=null"));
    }

    [Theory]
    [InlineData("1.2.3.0")]
    [InlineData("1.0.0.0")]
    [InlineData(null)]
    public void AssemblyResolveLoadsTheDependencyWhenItsVersionIsTheOneAskedForOrNewer(string? asked)
    {
        using var temp = new TempDirectory();
        var name = "LinkTools.ResolveProbe" + Guid.NewGuid().ToString("N");
        var file = EmitAssembly(Path.Combine(temp.Path, DependencyFolder.Name), name, new Version(1, 2, 3, 0));
        var resolver = new AppDomainResolver(DependencyFolder.Beside(temp.Path), typeof(LinkStatus).Assembly);

        var loaded = resolver.OnAssemblyResolve(null, new ResolveEventArgs(asked == null ? name : $"{name}, Version={asked}, Culture=neutral, PublicKeyToken=null"));

        Assert.NotNull(loaded);
        Assert.Equal(file, loaded!.Location);
        Assert.Equal(new Version(1, 2, 3, 0), loaded.GetName().Version);
        Assert.NotNull(loaded.GetType("Marker"));
    }

    [Fact]
    public void AssemblyResolveLeavesARequestForANewerVersionToOthers()
    {
        // The handler is process-wide: another module asking for a newer copy than ours must not get ours.
        using var temp = new TempDirectory();
        var name = "LinkTools.ResolveProbe" + Guid.NewGuid().ToString("N");
        EmitAssembly(Path.Combine(temp.Path, DependencyFolder.Name), name, new Version(1, 2, 3, 0));
        var resolver = new AppDomainResolver(DependencyFolder.Beside(temp.Path), typeof(LinkStatus).Assembly);

        Assert.Null(resolver.OnAssemblyResolve(null, new ResolveEventArgs(name + ", Version=9.0.0.0, Culture=neutral, PublicKeyToken=null")));
    }

    [Fact]
    public void AssemblyResolveAnswersTheModelWithTheCopyBesideTheCmdlets()
    {
        using var temp = new TempDirectory();
        var model = typeof(LinkStatus).Assembly;
        var resolver = new AppDomainResolver(DependencyFolder.Beside(temp.Path), model);

        Assert.Same(model, resolver.OnAssemblyResolve(null, new ResolveEventArgs(model.FullName!)));
    }

    [Theory]
    [InlineData("AngleSharp, Version=1.10.3.0, Culture=neutral, PublicKeyToken=e83494dcdc6d31ea")]
    [InlineData("System.Runtime")]
    [InlineData("LinkTools.ResolveProbe")]
    [InlineData("../dependencies/Marker")]
    [InlineData("Not, A = Valid, Name")]
    [InlineData("")]
    public void AssemblyResolveRefusesNamesTheFolderDoesNotHold(string requested)
    {
        using var temp = new TempDirectory();
        EmitAssembly(Path.Combine(temp.Path, DependencyFolder.Name), "LinkTools.ResolveProbe" + Guid.NewGuid().ToString("N"), new Version(1, 0, 0, 0));
        var resolver = new AppDomainResolver(DependencyFolder.Beside(temp.Path), typeof(LinkStatus).Assembly);

        Assert.Null(resolver.OnAssemblyResolve(null, new ResolveEventArgs(requested)));
    }

    [Fact]
    public void AMissingFolderAnswersNothing()
    {
        using var temp = new TempDirectory();
        var folder = DependencyFolder.Beside(temp.Path);
        Assert.Empty(folder.Assemblies);
        Assert.Null(folder.PathFor("LinkTools.Core"));
    }

    // A real assembly file no test has loaded, so loading it shows where it came from.
    private static string EmitAssembly(string directory, string name, Version version)
    {
        Directory.CreateDirectory(directory);
        var builder = new PersistedAssemblyBuilder(new AssemblyName(name) { Version = version }, typeof(object).Assembly);
        builder.DefineDynamicModule(name).DefineType("Marker", TypeAttributes.Public | TypeAttributes.Class).CreateType();
        var path = Path.Combine(directory, name + ".dll");
        builder.Save(path);
        return path;
    }
}
