namespace LinkTools.Build.Help;

/// <summary>One example: a title, the code an admin would copy, and what it does.</summary>
internal sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks);
