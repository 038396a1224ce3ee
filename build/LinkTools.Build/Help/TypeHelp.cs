namespace LinkTools.Build.Help;

/// <summary>An input or output type with the sentence that explains it.</summary>
internal sealed record TypeHelp(string TypeName, string Description);
