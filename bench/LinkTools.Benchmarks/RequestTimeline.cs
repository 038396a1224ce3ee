using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;

namespace LinkTools.Benchmarks;

/// <summary>
/// Samples how many HTTP requests this process has in flight (System.Net.Http's http.client.active_requests),
/// so a wall/ideal gap can be told apart: slow start, dips in the middle, or a long tail.
/// </summary>
internal sealed class RequestTimeline : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly Timer _timer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<(double Seconds, int InFlight)> _samples = new();
    private long _active;
    private readonly List<double> _durations = new();
    private readonly List<double> _queueTimes = new();

    public RequestTimeline(TimeSpan interval)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "System.Net.Http" && instrument.Name is "http.client.active_requests" or "http.client.request.duration" or "http.client.request.time_in_queue")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, delta, _, _) => Interlocked.Add(ref _active, delta));
        _listener.SetMeasurementEventCallback<double>((instrument, seconds, _, _) =>
        {
            var list = instrument.Name == "http.client.request.duration" ? _durations : _queueTimes;
            lock (list) list.Add(seconds * 1000);
        });
        _listener.Start();
        _timer = new Timer(_ => Sample(), null, interval, interval);
    }

    private void Sample()
    {
        lock (_samples) _samples.Add((_clock.Elapsed.TotalSeconds, (int)Interlocked.Read(ref _active)));
    }

    /// <summary>One line per bucket: time, mean in flight, and a bar scaled to the throttle limit.</summary>
    public string Render(int throttle, TimeSpan bucket)
    {
        List<(double Seconds, int InFlight)> samples;
        lock (_samples) samples = _samples.ToList();
        var text = new StringBuilder();
        foreach (var group in samples.GroupBy(s => (int)(s.Seconds / bucket.TotalSeconds)))
        {
            double mean = group.Average(s => s.InFlight);
            int bar = (int)Math.Round(40 * Math.Min(1, mean / throttle));
            text.Append($"    {group.Key * bucket.TotalSeconds,6:F2}s {mean,6:F1} |{new string('#', bar),-40}|\n");
        }

        text.Append($"    request duration ms {Percentiles(_durations)}; waiting for a connection ms {Percentiles(_queueTimes)}\n");
        return text.ToString();
    }

    private static string Percentiles(List<double> values)
    {
        double[] sorted;
        lock (values) sorted = values.Order().ToArray();
        if (sorted.Length == 0) return "none";
        double At(double q) => sorted[(int)Math.Min(sorted.Length - 1, q * sorted.Length)];
        return $"n {sorted.Length}, mean {sorted.Average():F1}, p50 {At(0.5):F1}, p95 {At(0.95):F1}, max {sorted[^1]:F1}";
    }

    public void Dispose()
    {
        _timer.Dispose();
        _listener.Dispose();
    }
}
