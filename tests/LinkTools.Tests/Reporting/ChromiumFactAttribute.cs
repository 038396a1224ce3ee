namespace LinkTools.Tests.Reporting;

/// <summary>
/// A fact that needs a Chromium-based browser: Debian's chromium (.ci/run installs it), or Google Chrome where the
/// hosted Azure Pipelines and GitHub Actions images have it, or the one LINKTOOLS_CHROMIUM names (which then must
/// exist). Skipped, saying why, where none is installed.
/// </summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string PathVariable = "LINKTOOLS_CHROMIUM";

    private static readonly string[] KnownPaths =
    {
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
        "/usr/bin/google-chrome-stable",
        @"C:\Program Files\Google\Chrome\Application\chrome.exe",
        @"C:\Program Files (x86)\Google\Chrome\Application\chrome.exe",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    };

    /// <summary>The browser the tests run, or null when there is none.</summary>
    public static string? Path { get; } = Find();

    public ChromiumFactAttribute()
    {
        if (Path == null) Skip = $"No Chromium or Chrome found ({PathVariable} unset; looked in {string.Join(", ", KnownPaths)}; apt-get install chromium), so the HTML report is not rendered in a browser here.";
    }

    private static string? Find()
    {
        var named = Environment.GetEnvironmentVariable(PathVariable);
        // A browser named on purpose is used as named: a wrong path fails the tests instead of quietly skipping them.
        if (!string.IsNullOrEmpty(named)) return named;
        return KnownPaths.FirstOrDefault(File.Exists);
    }
}
