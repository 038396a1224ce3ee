using System;
using System.Linq;
using System.Reflection;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.PowerShell.Loading
{
    /// <summary>
    /// Makes the engine (dependencies/LinkTools.Core.dll and its libraries) resolvable for the cmdlets without
    /// putting it in PowerShell's shared default context: an isolated load context on PowerShell 7, an
    /// AssemblyResolve handler on Windows PowerShell 5.1. Knows nothing of PowerShell's own types, so it can run and
    /// be tested where PowerShell is not installed.
    /// </summary>
    internal static class EngineAssemblyResolver
    {
        private static readonly object Gate = new object();

        // Kept for the life of the process once made: a non-collectible context cannot unload what it loaded, and a
        // second import must find the same engine rather than load another copy.
        private static IsolatedLoadContext? _isolated;
        private static AppDomainResolver? _appDomain;

        // Imports not yet removed: runspaces (ForEach-Object -Parallel, thread jobs) import and remove the module each
        // on their own, and one Remove-Module must not leave the others unable to resolve the engine.
        private static int _imports;

        /// <summary>Starts resolving the engine from the dependencies/ folder beside the module; counts the import.</summary>
        public static void Register(string moduleDirectory)
        {
            lock (Gate)
            {
                var folder = DependencyFolder.Beside(moduleDirectory);
                if (!folder.Assemblies.Any()) return; // imported from a flat build output: nothing to isolate
                _imports++;
                if (IsolatedLoadContext.IsSupported)
                {
                    _isolated ??= IsolatedLoadContext.Create(folder, EngineReferences(folder), SharedModel());
                    _isolated.Subscribe();
                    return;
                }

                if (_appDomain != null) return;
                _appDomain = new AppDomainResolver(folder, SharedModel());
                _appDomain.Subscribe();
            }
        }

        /// <summary>Stops answering the runtime's requests when the last import is removed (Remove-Module).</summary>
        public static void Unregister()
        {
            lock (Gate)
            {
                if (_imports == 0 || --_imports > 0) return;
                _isolated?.Unsubscribe();
                _appDomain?.Unsubscribe();
                _appDomain = null;
            }
        }

        // The assemblies the cmdlet code refers to that live in dependencies/: the engine, LinkTools.Core.
        private static string[] EngineReferences(DependencyFolder folder) =>
            typeof(EngineAssemblyResolver).Assembly.GetReferencedAssemblies()
                .Where(reference => folder.PathFor(reference.FullName) != null)
                .Select(reference => reference.Name!)
                .ToArray();

        // The result types' assembly, bound in the default context beside the cmdlets (module root) before the engine
        // can ask for it, so that both sides see one LinkResult type.
        private static Assembly SharedModel() => typeof(LinkStatus).Assembly;
    }
}
