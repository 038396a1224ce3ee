namespace LinkTools.Tests.Faults;

/// <summary>
/// Cases that run alone, not beside other test classes: size cases measure process-wide allocation, and the
/// invariants' self-test drops a faulted task that any concurrent case would otherwise see.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class IsolatedFaultCollection
{
    public const string Name = "Isolated faults";
}
