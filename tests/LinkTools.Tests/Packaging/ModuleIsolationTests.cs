using System.Text.Json;
using LinkTools.Build.Packaging;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// The packaged module next to another module's AngleSharp: a separate process (the probe) holds AngleSharp 0.17.1
/// in its default load context, loads the packaged LinkTools.PowerShell.dll by path as PowerShell 7 does, runs the
/// module's loader and uses the engine. The engine must come from dependencies/ in its own context with its own
/// AngleSharp 1.10.3, and still hand back the cmdlets' result types.
/// </summary>
public class ModuleIsolationTests
{
    [Fact]
    public async Task ThePackagedEngineRunsOnItsOwnAngleSharpBesideAnotherModulesVersion()
    {
        using var temp = new TempDirectory();
        var module = Path.Combine(temp.Path, "LinkTools");
        ModuleLayout.Create(ModuleLayoutRequest.ForRepository(CmdletContractTests.RepoRoot(), ModuleBuildOutput.Directory, module));

        var report = await ModuleLoadProbe.RunAsync(module);

        Assert.Equal(Path.Combine(module, ModuleLayout.DependenciesFolder, "LinkTools.Core.dll"), Text(report, "engineLocation"));
        Assert.Equal("LinkTools", Text(report, "engineContext"));
        Assert.Equal("1.10.3.0", Text(report, "engineAngleSharpVersion"));
        Assert.Equal("LinkTools", Text(report, "engineAngleSharpContext"));
        Assert.Equal(Path.Combine(module, ModuleLayout.DependenciesFolder, "AngleSharp.dll"), Text(report, "engineAngleSharpLocation"));
        Assert.Equal("0.17.1.0", Text(report, "otherModuleAngleSharpVersion"));
        Assert.Equal("0.17.1.0", Text(report, "defaultAngleSharpVersion"));

        // One result type on both sides: the model stays in the default context, from the module root.
        Assert.Equal(Path.Combine(module, "LinkTools.Model.dll"), Text(report, "modelLocation"));
        Assert.Equal("Default", Text(report, "modelContext"));
        Assert.True(report.GetProperty("resultTypeIsTheCmdletsType").GetBoolean());
        Assert.Equal("LinkTools.Model.Checking.LinkResult", Text(report, "resultType"));
        Assert.Equal("Skipped", Text(report, "resultStatus"));

        // What a browser's parser finds: nothing from the comment or the template.
        Assert.Equal(
            new[] { "http://127.0.0.1/dir/a.html", "http://127.0.0.1/img/logo.png", "http://127.0.0.2:8080/other" },
            report.GetProperty("links").EnumerateArray().Select(l => l.GetString()).ToArray());

        // The default context hands out the engine only: another module asking for AngleSharp 1.10.3 gets nothing of ours.
        Assert.Equal("refused", Text(report, "defaultContextAskingForEngineAngleSharp"));

        // Import, remove, import again, and once more made one context and one engine; libraries the runtime ships
        // stay the runtime's.
        Assert.Equal(1, report.GetProperty("contextsNamedLinkTools").GetInt32());
        Assert.Equal(1, report.GetProperty("engineCopiesLoaded").GetInt32());
        var isolated = report.GetProperty("isolatedAssemblies").EnumerateArray().Select(a => a.GetString()).ToArray();
        Assert.Contains("LinkTools.Core", isolated);
        Assert.Contains("AngleSharp", isolated);
        Assert.Contains("Markdig", isolated);
        Assert.DoesNotContain("LinkTools.Model", isolated);
        Assert.DoesNotContain("System.Memory", isolated);
    }

    private static string? Text(JsonElement report, string name) => report.GetProperty(name).GetString();
}
