namespace LinkTools.Build.Packaging;

/// <summary>Where the pieces of a module come from and where the module folder goes.</summary>
/// <param name="BuildOutput">The module project's build output (root assembly, dependencies, XML doc files).</param>
/// <param name="ManifestPath">The .psd1 manifest; its RootModule names the assembly in <paramref name="BuildOutput"/>.</param>
/// <param name="ContentDirectory">Files shipped as they are (format data, about_ help), copied with their folders.</param>
/// <param name="ExamplesDirectory">One Verb-Noun.md file of examples per cmdlet.</param>
/// <param name="OutputDirectory">The module folder to create; emptied first.</param>
internal sealed record ModuleLayoutRequest(string BuildOutput, string ManifestPath, string ContentDirectory, string ExamplesDirectory, string OutputDirectory)
{
    /// <summary>
    /// Assemblies (simple names) that go in the module root beside the root assembly rather than in dependencies/:
    /// the types PowerShell sees (cmdlet output and parameter types), which must have one identity in its default
    /// context. Everything else the root assembly needs is isolated.
    /// </summary>
    public IReadOnlySet<string> SharedAssemblies { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "LinkTools.Model" };

    /// <summary>The request for this repository's layout: module/ content, docs/examples, LinkTools.psd1.</summary>
    public static ModuleLayoutRequest ForRepository(string repoRoot, string buildOutput, string outputDirectory) =>
        new(buildOutput,
            Path.Combine(repoRoot, "LinkTools.psd1"),
            Path.Combine(repoRoot, "module"),
            Path.Combine(repoRoot, "docs", "examples"),
            outputDirectory);
}
