using LinkTools.Core.Reporting;

// The engine objects a cmdlet invocation holds live in classes like this one, never in the cmdlet's own fields:
// PowerShell reflects over cmdlet classes at import, before the module's loader can resolve the engine assembly
// (dependencies/LinkTools.Core.dll), so a cmdlet class may name engine types only inside method bodies.
namespace LinkTools.PowerShell.Commands
{
    /// <summary>What one Export-LinkReport invocation collects: the report being built.</summary>
    internal sealed class ReportEngineState
    {
        public ReportBuilder Builder { get; set; } = new ReportBuilder();
    }
}
