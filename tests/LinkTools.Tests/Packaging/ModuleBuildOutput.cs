using System.Reflection;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>Where the module project's build output is, in the configuration these tests were built with.</summary>
internal static class ModuleBuildOutput
{
    public static string Directory
    {
        get
        {
            var configuration = typeof(ModuleBuildOutput).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var directory = Path.Combine(CmdletContractTests.RepoRoot(), "src", "LinkTools.PowerShell", "bin", configuration, "netstandard2.0");
            Assert.True(File.Exists(Path.Combine(directory, "LinkTools.PowerShell.dll")), "The module project is not built in " + directory);
            return directory;
        }
    }

    public static string RootAssembly => Path.Combine(Directory, "LinkTools.PowerShell.dll");

    public static string ExamplesDirectory => Path.Combine(CmdletContractTests.RepoRoot(), "docs", "examples");

    public static string ModuleContentDirectory => Path.Combine(CmdletContractTests.RepoRoot(), "module");
}
