using System.Text.RegularExpressions;

namespace LinkTools.Build.Packaging;

/// <summary>The few fields of a .psd1 module manifest the layout depends on, read as text (no PowerShell here).</summary>
internal sealed record ModuleManifest(string Path, string RootModule, string ModuleVersion, IReadOnlyList<string> FormatsToProcess, IReadOnlyList<string> TypesToProcess)
{
    public static ModuleManifest Read(string path)
    {
        var text = File.ReadAllText(path);
        return new ModuleManifest(
            path,
            Scalar(text, "RootModule") ?? throw new InvalidDataException(path + " has no RootModule."),
            Scalar(text, "ModuleVersion") ?? throw new InvalidDataException(path + " has no ModuleVersion."),
            List(text, "FormatsToProcess"),
            List(text, "TypesToProcess"));
    }

    private static string? Scalar(string text, string key)
    {
        var match = Regex.Match(text, @"^\s*" + key + @"\s*=\s*['""]([^'""]*)['""]", RegexOptions.Multiline);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static IReadOnlyList<string> List(string text, string key)
    {
        var match = Regex.Match(text, @"^\s*" + key + @"\s*=\s*@\(([^)]*)\)", RegexOptions.Multiline);
        if (!match.Success) return Array.Empty<string>();
        return Regex.Matches(match.Groups[1].Value, @"['""]([^'""]+)['""]").Select(m => m.Groups[1].Value).ToArray();
    }
}
