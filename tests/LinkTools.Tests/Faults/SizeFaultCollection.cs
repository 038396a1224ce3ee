namespace LinkTools.Tests.Faults;

/// <summary>
/// Size cases measure process-wide allocation, so they run alone rather than beside other test classes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SizeFaultCollection
{
    public const string Name = "Size faults";
}
