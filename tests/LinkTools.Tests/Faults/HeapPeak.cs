namespace LinkTools.Tests.Faults;

/// <summary>Samples the managed heap while a case runs, for the cases that assert a memory bound.</summary>
public static class HeapPeak
{
    public static async Task<T> MeasureAsync<T>(Func<Task<T>> run, Action<long> peak)
    {
        long highest = 0;
        void Sample()
        {
            long now = GC.GetTotalMemory(false);
            long seen;
            while (now > (seen = Interlocked.Read(ref highest)) && Interlocked.CompareExchange(ref highest, now, seen) != seen)
            {
            }
        }

        T result;
        using (new Timer(_ => Sample(), null, 0, 50))
        {
            result = await run();
            Sample();
        }

        peak(Interlocked.Read(ref highest));
        return result;
    }
}
