namespace LinkTools.Cli.Commands;

/// <summary>One site as a list or CSV file gave it, before validation.</summary>
internal sealed record SiteRow(string Url, string? Name, string? ExpectContent, string? ExpectStatus, string? MaintenanceWindow);
