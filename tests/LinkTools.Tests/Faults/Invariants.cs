using System.Collections.Concurrent;
using System.Diagnostics;
using LinkTools.Core.Checking;
using LinkTools.Core.Operations;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>
/// What every fault case asserts besides its verdict: it ends within its time bound, no task exception goes
/// unobserved, and (through Test-Link) every input is reported exactly once.
/// </summary>
public static class Invariants
{
    /// <summary>Runs <paramref name="run"/> and fails the case if it outlives <paramref name="bound"/> or leaves an unobserved task exception.</summary>
    public static async Task<T> WithinAsync<T>(TimeSpan bound, Func<Task<T>> run)
    {
        var unobserved = new ConcurrentQueue<Exception>();
        EventHandler<UnobservedTaskExceptionEventArgs> hook = (_, e) => unobserved.Enqueue(e.Exception);
        TaskScheduler.UnobservedTaskException += hook;
        try
        {
            var clock = Stopwatch.StartNew();
            var task = run();
            var first = await Task.WhenAny(task, Task.Delay(bound));
            Assert.True(first == task, $"the case did not end within {bound}");
            var result = await task;

            // Faulted tasks nobody awaited surface only when collected.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            Assert.True(unobserved.IsEmpty, "unobserved task exception: " + string.Join(" | ", unobserved));
            return result;
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= hook;
        }
    }

    /// <summary>
    /// Drives Test-Link's operation on its own pipeline thread with a <see cref="RecordingSink"/>, then asserts that every
    /// valid input produced exactly one result, every invalid one exactly one error naming it, and nothing was written off-thread.
    /// </summary>
    public static Task<RecordingSink> TestLinkAsync(TestLinkSettings settings, IReadOnlyList<string?> inputs, TimeSpan bound) =>
        WithinAsync(bound, () => Task.Factory.StartNew(() =>
        {
            var sink = new RecordingSink();
            using (var operation = new TestLinkOperation(settings, sink))
            {
                operation.Process(inputs);
                operation.End();
            }

            AssertEachInputReportedOnce(sink, inputs);
            return sink;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

    private static void AssertEachInputReportedOnce(RecordingSink sink, IReadOnlyList<string?> inputs)
    {
        Assert.Equal(0, sink.OffThreadCalls);
        var results = sink.OfType<LinkResult>().GroupBy(r => r.Url).ToDictionary(g => g.Key, g => g.Count());
        var errors = sink.Errors.Where(e => e.ErrorId == "InvalidUrl").ToList();
        int expectedResults = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            if (Core.Urls.UrlInput.TryParse(input, out var uri, out _))
            {
                if (!seen.Add(uri.AbsoluteUri)) continue;
                expectedResults++;
                string shown = Core.Urls.UrlText.Redact(uri);
                Assert.True(results.TryGetValue(shown, out int count) && count == 1, $"{shown} was reported {(results.TryGetValue(shown, out int n) ? n : 0)} times");
            }
            else
            {
                Assert.Contains(errors, e => ReferenceEquals(e.TargetObject, input) || Equals(e.TargetObject, input));
            }
        }

        Assert.Equal(expectedResults, results.Values.Sum());
        Assert.Equal(inputs.Count(i => !Core.Urls.UrlInput.TryParse(i, out _, out _)), errors.Count);
        Assert.DoesNotContain(sink.Errors, e => e.ErrorId != "InvalidUrl");
    }
}
