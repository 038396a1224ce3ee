using System.Text.RegularExpressions;
using System.Xml.Linq;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>
/// LinkTools.psd1 holds what Import-Module and the PowerShell Gallery read: version, editions, exports, format data,
/// and the PSData block the gallery shows (tags, project and license links, release notes).
/// </summary>
public class ModuleManifestTests
{
    private const string ProjectUri = "https://github.com/linktools/LinkTools";

    private static Dictionary<string, object?> Manifest() =>
        PowerShellDataFile.Read(Path.Combine(CmdletContractTests.RepoRoot(), "LinkTools.psd1"));

    private static Dictionary<string, object?> PSData() =>
        (Dictionary<string, object?>)((Dictionary<string, object?>)Manifest()["PrivateData"]!)["PSData"]!;

    private static string[] Strings(object? value) => value switch
    {
        string one => new[] { one },
        object?[] many => many.Cast<string>().ToArray(),
        _ => Array.Empty<string>(),
    };

    [Fact]
    public void TheVersionIsTheBuildVersion()
    {
        var props = XDocument.Load(Path.Combine(CmdletContractTests.RepoRoot(), "Directory.Build.props"));
        var version = props.Descendants("Version").Single().Value.Trim();
        Assert.Equal(version, Manifest()["ModuleVersion"]);
        Assert.True(Version.TryParse((string)Manifest()["ModuleVersion"]!, out _));
        Assert.True(Guid.TryParse((string)Manifest()["GUID"]!, out _));
    }

    [Fact]
    public void ItRunsOnWindowsPowerShell51AndPowerShell7()
    {
        var manifest = Manifest();
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.Equal(new[] { "Desktop", "Core" }, Strings(manifest["CompatiblePSEditions"]));
        Assert.Equal("LinkTools.PowerShell.dll", manifest["RootModule"]);
    }

    [Fact]
    public void ItExportsEveryCmdletAndNothingElse()
    {
        var manifest = Manifest();
        Assert.Equal(CmdletContractTests.Cmdlets().Select(c => c.Name).OrderBy(n => n), Strings(manifest["CmdletsToExport"]).OrderBy(n => n));
        // Empty lists, not wildcards: a wildcard makes PowerShell search the module for exports on every import.
        foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" })
        {
            Assert.True(manifest.ContainsKey(key), key + " is missing");
            Assert.Empty(Strings(manifest[key]));
        }
    }

    [Fact]
    public void ItLoadsTheFormatData()
    {
        var formats = Strings(Manifest()["FormatsToProcess"]);
        Assert.Equal(new[] { "LinkTools.format.ps1xml" }, formats);
        Assert.All(formats, f => Assert.True(File.Exists(Path.Combine(ModuleBuildOutput.ModuleContentDirectory, f)), f + " is not in module/"));
    }

    [Fact]
    public void TheDescriptionSaysWhatTheModuleDoes()
    {
        var description = (string)Manifest()["Description"]!;
        Assert.InRange(description.Length, 40, 400);
        Assert.Contains("link", description, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheGalleryTagsNameTheEditionsAndPlatforms()
    {
        var tags = Strings(PSData()["Tags"]);
        Assert.Superset(new HashSet<string> { "PSEdition_Desktop", "PSEdition_Core", "Windows", "Linux", "MacOS", "link-checker" }, tags.ToHashSet());
        // The gallery rejects a tag with a space in it.
        Assert.All(tags, t => Assert.Matches(@"^\S+$", t));
        Assert.Equal(tags.Length, tags.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void TheProjectAndLicenseLinksPointAtTheRepositoryAndItsLicenseFile()
    {
        var data = PSData();
        Assert.Equal(ProjectUri, data.GetValueOrDefault("ProjectUri"));
        var license = Assert.IsType<string>(data.GetValueOrDefault("LicenseUri"));
        Assert.Equal(ProjectUri + "/blob/main/LICENSE", license);

        // The linked file is the one in the repository, and it is the license the manifest's copyright names.
        var text = File.ReadAllText(Path.Combine(CmdletContractTests.RepoRoot(), license.Substring(license.LastIndexOf('/') + 1)));
        Assert.StartsWith("MIT License", text);
        Assert.Contains("Copyright (c) LinkTools contributors", text);
        Assert.Contains("MIT", (string)Manifest()["Copyright"]!);
    }

    [Fact]
    public void TheReleaseNotesNameEveryCmdletAndTheAboutTopic()
    {
        var notes = Assert.IsType<string>(PSData()["ReleaseNotes"]);
        Assert.All(CmdletContractTests.Cmdlets(), c => Assert.Contains(c.Name, notes));
        Assert.Contains("about_LinkTools", notes);
    }

    [Fact]
    public void TheReaderReadsWhatADataFileMayHoldAndRefusesCode()
    {
        var data = PowerShellDataFile.Parse("""
            # comment
            @{
                A = 'it''s'; B = "say ""hi"" `t"
                <# block
                   comment #>
                C = @('x',
                      'y') ; D = 'p', 'q'
                E = @{ F = $true; G = 1.5; H = $null }
                I = @()
            }
            """);
        Assert.Equal("it's", data["A"]);
        Assert.Equal("say \"hi\" \t", data["B"]);
        Assert.Equal(new[] { "x", "y" }, Strings(data["C"]));
        Assert.Equal(new[] { "p", "q" }, Strings(data["D"]));
        var e = (Dictionary<string, object?>)data["E"]!;
        Assert.Equal((true, 1.5, (object?)null), ((bool)e["F"]!, (double)e["G"]!, e["H"]));
        Assert.Empty(Strings(data["I"]));

        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = $env:PATH }"));
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = \"$(Get-Date)\" }"));
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = 'x'; A = 'y' }"));
        Assert.Throws<FormatException>(() => PowerShellDataFile.Parse("@{ A = 'x'"));
    }
}
