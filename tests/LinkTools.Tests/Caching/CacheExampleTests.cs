using System.Text.RegularExpressions;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Caching;

/// <summary>The users' example pipelines with a result cache keep their promises as text (no agent runs here).</summary>
public class CacheExampleTests
{
    private static string Read(string relative) => File.ReadAllText(Path.Combine(CmdletContractTests.RepoRoot(), relative)).Replace("\r\n", "\n");

    [Fact]
    public void TheAzureExampleRestoresTheNewestCacheAndCrawlsWithTheFileItKeeps()
    {
        var yaml = Read("examples/azure-pipelines-cached-links.yml");
        Assert.Matches(@"task:\s*Cache@2", yaml);
        // A fresh key each run (the build id) with a restore key: Cache@2 never overwrites an entry.
        Assert.Matches(@"key:\s*'linkcache \| ""\$\(Agent\.OS\)"" \| ""\$\(Build\.BuildId\)""'", yaml);
        Assert.Matches(@"restoreKeys:\s*\|\s*\n\s*linkcache \| ""\$\(Agent\.OS\)""", yaml);
        var folder = Regex.Match(yaml, @"linkCache:\s*(\S+)").Groups[1].Value;
        Assert.Equal("$(Pipeline.Workspace)/.linkcache", folder);
        Assert.Matches(@"path:\s*\$\(linkCache\)", yaml);
        var crawl = Regex.Match(yaml, @"Invoke-SiteCrawl ([^\n]*)").Groups[1].Value;
        Assert.Contains("-CachePath '$(linkCache)/links.json'", crawl);
        var cmdlet = CmdletContractTests.Cmdlets().Single(c => c.Name == "Invoke-SiteCrawl").Type;
        foreach (Match parameter in Regex.Matches(crawl, @"(?<=\s|^)-([A-Za-z]+)"))
        {
            Assert.True(cmdlet.GetProperty(parameter.Groups[1].Value) != null, "Invoke-SiteCrawl has no -" + parameter.Groups[1].Value);
        }
    }

    [Fact]
    public void TheGitHubExampleRestoresTheNewestCacheAndSavesItEvenWhenLinksAreBroken()
    {
        var yaml = Read("examples/github-cached-links.yml");
        Assert.Matches(@"uses: actions/cache/restore@v4\s*\n\s*with:\s*\n\s*path: \.linkcache\s*\n\s*key: linkcache-\$\{\{ runner\.os \}\}-\$\{\{ github\.run_id \}\}\s*\n\s*restore-keys: \|\s*\n\s*linkcache-\$\{\{ runner\.os \}\}-", yaml);
        Assert.Matches(@"if: always\(\)\s*\n\s*uses: actions/cache/save@v4\s*\n\s*with:\s*\n\s*path: \.linkcache\s*\n\s*key: linkcache-\$\{\{ runner\.os \}\}-\$\{\{ github\.run_id \}\}", yaml);
        var crawl = Regex.Match(yaml, @"linktools crawl ([^\n]*)").Groups[1].Value;
        Assert.Contains("--cache .linkcache/links.json", crawl);

        // Every option the example passes is one the CLI has.
        var command = LinkTools.Cli.Program.BuildRoot().Subcommands.Single(c => c.Name == "crawl");
        foreach (Match option in Regex.Matches(crawl, @"(--[a-z-]+)"))
        {
            Assert.Contains(command.Options, o => o.Name == option.Groups[1].Value);
        }
    }
}
