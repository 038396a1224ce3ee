using System.Text.Json;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Caching;

/// <summary>`linktools check --cache` and `linktools crawl --cache` as a CI job runs them.</summary>
public class CacheCliTests
{
    [Fact]
    public async Task ASecondCheckWithTheSameCacheFileMakesNoRequestAndSaysSo()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "sub", "links.cache.json");
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var url = server.Url("/ok").AbsoluteUri;

        var first = await CliProcess.RunAsync(null, "check", url, "--cache", cache, "--format", "json");
        int requests = server.Requests;
        var second = await CliProcess.RunAsync(null, "check", url, "--cache", cache, "--format", "json");

        Assert.True(first.ExitCode == 0, first.StdErr);
        Assert.True(second.ExitCode == 0, second.StdErr);
        Assert.False(JsonDocument.Parse(Assert.Single(first.Lines)).RootElement.GetProperty("FromCache").GetBoolean());
        var row = JsonDocument.Parse(Assert.Single(second.Lines)).RootElement;
        Assert.True(row.GetProperty("FromCache").GetBoolean());
        Assert.Equal(0, row.GetProperty("Attempts").GetInt32());
        Assert.Equal(requests, server.Requests);
    }

    [Fact]
    public async Task ACrawlWithACorruptCacheFileWarnsAndStillChecksEverything()
    {
        using var temp = new TempDirectory();
        var cache = Path.Combine(temp.Path, "crawl.cache.json");
        File.WriteAllText(cache, "garbage");
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);

        var run = await CliProcess.RunAsync(null, "crawl", server.Url("/").AbsoluteUri, "--cache", cache, "--ignore-robots-txt");

        Assert.True(run.ExitCode == 0, run.StdErr);
        Assert.Contains("was not used because it is not valid JSON", run.StdErr);
        Assert.Single(Directory.GetFiles(temp.Path, "crawl.cache.json.corrupt-*"));
        Assert.Contains("LinkTools.ResultCache", File.ReadAllText(cache));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("31536001")]
    public async Task AMaxCacheAgeOutOfRangeIsAUsageErrorNamingTheOption(string value)
    {
        var run = await CliProcess.RunAsync(null, "check", "http://127.0.0.1:9/", "--cache", "x.json", "--max-cache-age-sec", value);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--max-cache-age-sec", run.StdErr);
    }
}
