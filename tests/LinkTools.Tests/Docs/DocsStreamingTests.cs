using LinkTools.Core.Crawling;
using LinkTools.Core.Docs;
using LinkTools.Core.Http;
using LinkTools.Tests.Packaging;

namespace LinkTools.Tests.Docs;

/// <summary>A big folder streams: results come while files are still being read, and a consumer that falls behind stops the reading.</summary>
public class DocsStreamingTests
{
    [Fact]
    public async Task ReadingWaitsWhileTheConsumerIsBehindAndGoesOnWhenItCatchesUp()
    {
        using var folder = new TempDirectory();
        const int files = 2000;
        for (int i = 0; i < files; i++) File.WriteAllText(Path.Combine(folder.Path, $"p{i:0000}.md"), $"# P{i}\n\n[gone](missing-{i}.md)\n");

        // The consumer writes nothing until it catches up: held back from the 100th unwritten row on.
        var settings = DocsFixture.Settings(folder.Path, s => s.Offline = true);
        settings.Crawl = settings.Crawl with { MaxUnwrittenResults = 99 };
        int results = 0;
        using var engine = new FetchEngine(settings.Crawl.Engine);
        var crawler = new DocsCrawler(settings, engine, CancellationToken.None);
        var reading = Task.Run(async () =>
        {
            await foreach (var item in crawler.Events.ReadAllAsync())
            {
                if (item.Kind == CrawlEventKind.Result) Interlocked.Increment(ref results);
            }
        });
        crawler.Start();

        // Held back: a reader finishes the file it has, then waits (the first files pay for the parsers' JIT).
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (Volatile.Read(ref results) < 100 && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(20);
        await Task.Delay(500);
        Assert.False(crawler.Completion.IsCompleted);
        Assert.InRange(crawler.FilesRead, 100, 100 + Environment.ProcessorCount);
        Assert.Equal(crawler.FilesRead, Volatile.Read(ref results));

        // Caught up: it writes every row it has, as a pipeline consumer does after each drain.
        var catchingUp = System.Diagnostics.Stopwatch.StartNew();
        while (!crawler.Completion.IsCompleted && catchingUp.Elapsed < TimeSpan.FromSeconds(60))
        {
            crawler.CaughtUp(Volatile.Read(ref results));
            await Task.WhenAny(crawler.Completion, Task.Delay(20));
        }

        Assert.True(await Task.WhenAny(crawler.Completion, Task.Delay(TimeSpan.FromSeconds(60))) == crawler.Completion, "did not finish");
        Assert.True(await Task.WhenAny(reading, Task.Delay(TimeSpan.FromSeconds(10))) == reading, "the channel was not completed");
        Assert.Equal(files, crawler.FilesRead);
        Assert.Equal(files, results);
    }
}
