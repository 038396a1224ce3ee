namespace LinkTools.PowerShell
{
    /// <summary>Where Get-Help -Online goes for each cmdlet: its page of examples in the repository.</summary>
    internal static class HelpLinks
    {
        public const string Examples = "https://github.com/linktools/LinkTools/blob/main/docs/examples/";
    }
}
