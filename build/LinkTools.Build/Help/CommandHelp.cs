namespace LinkTools.Build.Help;

/// <summary>Everything PowerShell's Get-Help shows for one cmdlet, gathered from the code and its example file.</summary>
internal sealed record CommandHelp(
    string Name,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<ParameterSetHelp> ParameterSets,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<ExampleHelp> Examples)
{
    public string Verb => Name.Split('-')[0];

    public string Noun => Name.Substring(Name.IndexOf('-') + 1);
}
