namespace LinkTools.Tests.Reporting;

/// <summary>A fact that needs Debian's chromium (.ci/run installs it); skipped, saying why, where it is absent.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Path)) Skip = $"{Path} is not installed (apt-get install chromium; .ci/run tries it), so the HTML report is not rendered in a browser here.";
    }
}
