using LinkTools.Core.Monitoring.Scheduling;

namespace LinkTools.Tests.Monitoring;

public class LagRecorderTests
{
    [Fact]
    public void RecentLagsComeOldestFirstBeforeAndAfterTheRingWraps()
    {
        var recorder = new LagRecorder();
        for (int i = 0; i < 10; i++) recorder.Record(TimeSpan.FromMilliseconds(i));
        Assert.Equal(new double[] { 7, 8, 9 }, recorder.RecentMs(3));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (double)i), recorder.SnapshotMs());

        for (int i = 10; i < LagRecorder.Capacity + 5; i++) recorder.Record(TimeSpan.FromMilliseconds(i));

        Assert.Equal(LagRecorder.Capacity, recorder.Count);
        Assert.Equal(new double[] { LagRecorder.Capacity + 2, LagRecorder.Capacity + 3, LagRecorder.Capacity + 4 }, recorder.RecentMs(3));
        var all = recorder.SnapshotMs();
        Assert.Equal(LagRecorder.Capacity, all.Length);
        Assert.Equal(5, all[0]);                         // the five oldest were overwritten
        Assert.Equal(LagRecorder.Capacity + 4, all[^1]);
    }
}
