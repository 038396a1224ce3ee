namespace LinkTools.Build.Help;

/// <summary>One line of SYNTAX: a parameter set and the parameters it takes.</summary>
internal sealed record ParameterSetHelp(string Name, IReadOnlyList<(ParameterHelp Parameter, ParameterUsage Usage)> Parameters);
