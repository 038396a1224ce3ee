using System;
using System.Reflection;

namespace LinkTools.PowerShell.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1 (.NET Framework) has no load contexts to isolate with: requests the runtime cannot
    /// satisfy are answered from dependencies/ by simple name, loaded with LoadFrom so that their own references are
    /// probed in that folder too. The handler is process-wide, so it answers only for what the folder can really
    /// serve: never a higher version than the file holds, which another module asking for a newer copy would need.
    /// </summary>
    internal sealed class AppDomainResolver
    {
        private readonly DependencyFolder _folder;
        private readonly Assembly _sharedModel;

        /// <param name="sharedModel">The result types' assembly, already loaded beside the cmdlets; the answer for its name.</param>
        public AppDomainResolver(DependencyFolder folder, Assembly sharedModel)
        {
            _folder = folder;
            _sharedModel = sharedModel;
        }

        public void Subscribe() => AppDomain.CurrentDomain.AssemblyResolve += OnAssemblyResolve;

        public void Unsubscribe() => AppDomain.CurrentDomain.AssemblyResolve -= OnAssemblyResolve;

        /// <summary>The AssemblyResolve handler: a dependency from the folder, or null to let other handlers answer.</summary>
        public Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            var requested = DependencyFolder.ParseName(args.Name);
            if (requested == null) return null;
            if (string.Equals(requested.Name, _sharedModel.GetName().Name, StringComparison.OrdinalIgnoreCase)) return _sharedModel;

            var path = _folder.PathFor(args.Name);
            if (path == null) return null;
            if (requested.Version != null && requested.Version > _folder.VersionOf(path)) return null;
            return Assembly.LoadFrom(path);
        }
    }
}
