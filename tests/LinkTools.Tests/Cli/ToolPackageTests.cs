using System.Diagnostics;
using System.IO.Compression;
using System.Reflection;
using System.Xml.Linq;
using LinkTools.Tests.Cmdlets;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Cli;

/// <summary>
/// The CLI as users get it: packed as a .NET tool into a folder, installed from that folder alone (every other
/// package source cleared, an empty package cache, so nothing can come from the network or an older copy) and run.
/// </summary>
public class ToolPackageTests
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task ThePackedToolInstallsOfflineFromItsFolderAndRuns()
    {
        using var temp = new TempDirectory();
        var packages = Path.Combine(temp.Path, "packages");
        var configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var project = Path.Combine(CmdletContractTests.RepoRoot(), "src", "LinkTools.Cli", "LinkTools.Cli.csproj");

        // --no-build: the test run has built the CLI already; packing must not rebuild under a running test host.
        await Dotnet(temp.Path, isolatedCache: false, "pack", project, "-c", configuration, "--no-build", "-o", packages);
        var package = Assert.Single(Directory.GetFiles(packages, "linktools.*.nupkg"));
        AssertToolMetadata(package);

        var config = Path.Combine(temp.Path, "nuget.config");
        File.WriteAllText(config, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration><packageSources><clear /></packageSources></configuration>\n");
        var tools = Path.Combine(temp.Path, "tools");
        await Dotnet(temp.Path, isolatedCache: true, "tool", "install", "--tool-path", tools, "--add-source", packages, "--configfile", config, "linktools");

        var linktools = Path.Combine(tools, OperatingSystem.IsWindows() ? "linktools.exe" : "linktools");
        var version = await Run(temp.Path, linktools, new[] { "--version" });
        Assert.Equal(0, version.ExitCode);
        // The informational version carries the build's commit, so this is the tool just built, not a cached one.
        var built = FileVersionInfo.GetVersionInfo(Path.Combine(AppContext.BaseDirectory, "linktools.dll")).ProductVersion;
        Assert.Equal(built, version.StdOut.Trim());

        var help = await Run(temp.Path, linktools, new[] { "--help" });
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("crawl", help.StdOut);
    }

    /// <summary>What nuget.org shows for a tool: its type, command, license, project link and readme.</summary>
    private static void AssertToolMetadata(string package)
    {
        using var zip = ZipFile.OpenRead(package);
        var nuspecEntry = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspecEntry.Open();
        var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;

        Assert.Equal("linktools", Value("id"));
        Assert.Equal("MIT", Value("license"));
        Assert.Equal("https://github.com/linktools/LinkTools", Value("projectUrl"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.Equal("README.md", Value("readme"));
        Assert.Contains(zip.Entries, e => e.FullName == "README.md");
        Assert.Contains("DotnetTool", metadata.Descendants().Where(e => e.Name.LocalName == "packageType").Select(e => (string?)e.Attribute("name")));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/DotnetToolSettings.xml", StringComparison.Ordinal));
    }

    private static async Task Dotnet(string workDirectory, bool isolatedCache, params string[] args)
    {
        var result = await Run(workDirectory, "dotnet", args, isolatedCache);
        Assert.True(result.ExitCode == 0, $"dotnet {string.Join(' ', args)} exited with {result.ExitCode}:\n{result.StdOut}\n{result.StdErr}");
    }

    private static async Task<(int ExitCode, string StdOut, string StdErr)> Run(string workDirectory, string fileName, string[] args, bool isolatedCache = false)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        // An empty package cache of its own: a linktools package cached by an earlier pack cannot stand in for this one.
        if (isolatedCache) info.Environment["NUGET_PACKAGES"] = Path.Combine(workDirectory, "nuget-cache");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', args)} did not exit within {StepTimeout.TotalSeconds} s");
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
