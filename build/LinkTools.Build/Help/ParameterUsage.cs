namespace LinkTools.Build.Help;

/// <summary>How a parameter is bound in one parameter set ("__AllParameterSets" when it is in every set).</summary>
internal sealed record ParameterUsage(string ParameterSet, bool Mandatory, int? Position);
