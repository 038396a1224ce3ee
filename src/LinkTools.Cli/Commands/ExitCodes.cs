namespace LinkTools.Cli.Commands;

/// <summary>The CLI's documented exit codes.</summary>
public static class ExitCodes
{
    /// <summary>Nothing is broken.</summary>
    public const int Ok = 0;

    /// <summary>At least one link is broken.</summary>
    public const int Broken = 1;

    /// <summary>Bad usage or bad input (unreadable file, invalid option value).</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl+C.</summary>
    public const int Cancelled = 130;
}
