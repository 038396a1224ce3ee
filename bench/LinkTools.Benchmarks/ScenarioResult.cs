namespace LinkTools.Benchmarks;

/// <summary>One row of the benchmark table.</summary>
internal sealed record ScenarioResult(
    string Scenario,
    int Requests,
    double WallSeconds,
    double IdealSeconds,
    double CheckerCpuSeconds,
    double ServerCpuSeconds,
    double PeakWorkingSetMb,
    string Notes)
{
    public double RequestsPerSecond => WallSeconds > 0 ? Requests / WallSeconds : 0;
    public double WallOverIdeal => IdealSeconds > 0 ? WallSeconds / IdealSeconds : 0;
}
