using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Docs;

/// <summary>Remote links in a documentation folder go through the engine: each unique URL once, reported on every file and line.</summary>
public class DocsRemoteLinkTests
{
    [Fact]
    public async Task EachRemoteUrlIsRequestedOnceAndReportedOnEveryFileThatLinksToIt()
    {
        await using var server = await TestServer.StartAsync(context =>
        {
            context.Response.StatusCode = context.Request.Path == "/gone" ? 404 : 200;
            return Task.CompletedTask;
        });
        using var folder = new TempDirectory();
        for (int i = 0; i < 20; i++)
        {
            File.WriteAllText(Path.Combine(folder.Path, $"page{i}.md"),
                $"# Page {i}\n\nThe [live site]({server.Url("ok")}) and\nthe [old site]({server.Url("gone")}#intro).\n");
        }

        var (sink, summary, results) = DocsFixture.Run(DocsFixture.Settings(folder.Path));

        Assert.Empty(sink.Errors);
        Assert.Equal(20, results.Count);
        Assert.All(results, r => Assert.Equal((LinkStatus.Broken, FailureKind.Http, 404, 4), (r.Status, r.FailureKind, r.StatusCode!.Value, r.Line)));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"page{i}.md").OrderBy(x => x), results.Select(r => r.SourceUrl).OrderBy(x => x));
        Assert.Equal(1, server.HitCount("HEAD", "/ok"));
        Assert.Equal(1, server.HitCount("HEAD", "/gone"));
        Assert.Equal(2, summary.UniqueUrls);
    }

    [Fact]
    public async Task OfflineNothingIsRequested()
    {
        await using var server = await TestServer.StartAsync(_ => Task.CompletedTask);
        using var folder = new TempDirectory();
        File.WriteAllText(Path.Combine(folder.Path, "index.md"), $"[a]({server.Url("a")}) [b]({server.Url("b")})\n");

        var (_, summary, results) = DocsFixture.Run(DocsFixture.Settings(folder.Path, s => { s.Offline = true; s.Crawl = s.Crawl with { IncludeSkipped = true }; }));

        Assert.Equal(0, server.Requests);
        Assert.Equal(2, summary.Skipped);
        Assert.All(results, r => Assert.Equal((LinkStatus.Skipped, FailureKind.Offline), (r.Status, r.FailureKind)));
    }
}
