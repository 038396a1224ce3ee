namespace LinkTools.Build.Help;

/// <summary>One parameter as help shows it. Position and Mandatory vary by parameter set, so they live in <see cref="ParameterUsage"/>.</summary>
internal sealed record ParameterHelp(
    string Name,
    string TypeName,
    IReadOnlyList<string> Description,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AllowedValues,
    string? DefaultValue,
    bool IsSwitch,
    bool ByValue,
    bool ByPropertyName,
    IReadOnlyList<ParameterUsage> Usages)
{
    public bool IsRequiredAnywhere => Usages.Any(u => u.Mandatory);

    public int? Position => Usages.Select(u => u.Position).FirstOrDefault(p => p.HasValue);

    /// <summary>The pipelineInput attribute text in the form platyPS writes and Get-Help displays.</summary>
    public string PipelineInput =>
        (ByValue, ByPropertyName) switch
        {
            (true, true) => "True (ByPropertyName, ByValue)",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "False",
        };
}

/// <summary>How a parameter is bound in one parameter set ("__AllParameterSets" when it is in every set).</summary>
internal sealed record ParameterUsage(string ParameterSet, bool Mandatory, int? Position);

/// <summary>One line of SYNTAX: a parameter set and the parameters it takes.</summary>
internal sealed record ParameterSetHelp(string Name, IReadOnlyList<(ParameterHelp Parameter, ParameterUsage Usage)> Parameters);

/// <summary>An input or output type with the sentence that explains it.</summary>
internal sealed record TypeHelp(string TypeName, string Description);

/// <summary>One example: a title, the code an admin would copy, and what it does.</summary>
internal sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);
