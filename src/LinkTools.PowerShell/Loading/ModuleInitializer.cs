using System.IO;
using System.Management.Automation;

namespace LinkTools.PowerShell.Loading
{
    /// <summary>
    /// Runs when PowerShell imports and removes the module, before any cmdlet runs: makes the isolated engine
    /// resolvable, and stops answering for it on Remove-Module.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        /// <summary>Called by PowerShell on Import-Module.</summary>
        public void OnImport() => EngineAssemblyResolver.Register(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);

        /// <summary>Called by PowerShell on Remove-Module.</summary>
        public void OnRemove(PSModuleInfo psModuleInfo) => EngineAssemblyResolver.Unregister();
    }
}
