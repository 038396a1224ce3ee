using LinkTools.Core.Crawling;
using LinkTools.Core.Docs;
using LinkTools.Model.Crawling;

namespace LinkTools.Tests.Docs;

public class HeadingSlugTests
{
    [Theory]
    [InlineData("Install on Linux", "install-on-linux", "install-on-linux")]
    [InlineData("Install on Windows (PowerShell 7+)", "install-on-windows-powershell-7", "install-on-windows-powershell-7")]
    [InlineData("Héllo wörld ✨ émoji", "héllo-wörld--émoji", "héllo-wörld-émoji")]
    [InlineData("A - B", "a---b", "a-b")]
    [InlineData("C# & .NET: what's new?", "c--net-whats-new", "c-net-whats-new")]
    [InlineData("snake_case and 日本語", "snake_case-and-日本語", "snake_case-and-日本語")]
    public void SlugsFollowEachStyle(string heading, string gitHub, string azureDevOps)
    {
        Assert.Equal(gitHub, HeadingSlugs.Slug(heading, SlugStyle.GitHub));
        Assert.Equal(azureDevOps, HeadingSlugs.Slug(heading, SlugStyle.AzureDevOps));
    }

    [Fact]
    public void RepeatedHeadingsAreSuffixed()
    {
        var slugs = new HeadingSlugs(SlugStyle.GitHub);
        Assert.Equal(new[] { "notes", "notes-1", "notes-2", "notes-1-1" }, new[] { "Notes", "Notes", "Notes", "Notes 1" }.Select(slugs.Next).ToArray());
    }
}
