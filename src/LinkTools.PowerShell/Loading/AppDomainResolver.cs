using System;
using System.Reflection;

namespace LinkTools.PowerShell.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no load contexts to isolate with: requests the runtime cannot
    /// satisfy are answered from dependencies/ by simple name, loaded with LoadFrom so that their own references are
    /// probed in that folder too.
    /// </summary>
    internal sealed class AppDomainResolver
    {
        private readonly DependencyFolder _folder;

        public AppDomainResolver(DependencyFolder folder) => _folder = folder;

        public void Subscribe() => AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;

        public void Unsubscribe() => AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;

        /// <summary>The AssemblyResolve handler: a dependency from the folder, or null to let other handlers answer.</summary>
        public Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var path = _folder.PathFor(args.Name);
            return path == null ? null : Assembly.LoadFrom(path);
        }
    }
}
