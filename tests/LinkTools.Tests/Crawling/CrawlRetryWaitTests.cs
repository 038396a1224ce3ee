using System.Collections.Concurrent;
using System.Text;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace LinkTools.Tests.Crawling;

/// <summary>A crawl target asleep before its retry holds no place among the crawl's started targets.</summary>
public class CrawlRetryWaitTests
{
    [Fact]
    public async Task TargetsWaitingToRetryDoNotKeepOtherPagesFromStarting()
    {
        // ThrottleLimit 16 lets the crawl start 64 targets at once; 70 pages answering a permanent 500 come first, and
        // each is retried once, 150-350 ms later. The retries are answered only once every healthy page behind them has
        // been requested (or after a second): with the erroring pages holding the started places while they wait, the
        // healthy ones could not start until a retry was answered.
        const int errors = 70, healthy = 5;
        var seen = new ConcurrentDictionary<string, int>();
        int healthySeen = 0;
        var allHealthySeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        int retriesAnsweredFirst = 0, retries = 0;
        await using var server = await TestServer.StartAsync(async c =>
        {
            var path = c.Request.Path.Value!;
            if (path == "/")
            {
                var html = new StringBuilder();
                for (int i = 0; i < errors; i++) html.Append($"<a href=\"/error/{i}\">e</a>");
                for (int i = 0; i < healthy; i++) html.Append($"<a href=\"/ok/{i}\">ok</a>");
                c.Response.ContentType = "text/html";
                await c.Response.WriteAsync(html.ToString());
                return;
            }

            bool again = seen.AddOrUpdate(path, 1, (_, n) => n + 1) > 1;
            if (path.StartsWith("/ok/", StringComparison.Ordinal))
            {
                if (!again && Interlocked.Increment(ref healthySeen) == healthy) allHealthySeen.TrySetResult();
                c.Response.ContentType = "text/html";
                return;
            }

            if (again)
            {
                Interlocked.Increment(ref retries);
                await Task.WhenAny(allHealthySeen.Task, Task.Delay(TimeSpan.FromSeconds(1)));
                if (!allHealthySeen.Task.IsCompleted) Interlocked.Increment(ref retriesAnsweredFirst);
            }

            c.Response.StatusCode = 500;
        });

        var sink = new RecordingSink();
        var settings = new CrawlSettings
        {
            StartUrl = server.BaseUri,
            IgnoreRobotsTxt = true,
            Engine = new EngineOptions { ThrottleLimit = 16, MaxConcurrencyPerHost = 16, Timeout = TimeSpan.FromSeconds(10) },
        };
        var summary = SiteCrawlOperation.Run(settings, sink);

        Assert.True(retriesAnsweredFirst == 0, $"{retriesAnsweredFirst} retries of a 500 were answered before every healthy page had been requested");
        Assert.Equal(errors, retries);
        Assert.Equal(errors, summary.Broken);
    }
}
