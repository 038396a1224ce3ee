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
