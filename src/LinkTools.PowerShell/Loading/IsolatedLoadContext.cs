using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace LinkTools.PowerShell.Loading
{
    /// <summary>
    /// PowerShell 7 (.NET): the engine and its libraries load into their own AssemblyLoadContext named "LinkTools",
    /// so a different AngleSharp (or System.Text.Json...) that another module loaded into PowerShell's default context
    /// never meets ours. The module targets netstandard2.0, which has no AssemblyLoadContext, so the context is made
    /// and driven by reflection.
    /// </summary>
    internal sealed class IsolatedLoadContext
    {
        public const string ContextName = "LinkTools";

        private static readonly Type? LoadContextType = Type.GetType("System.Runtime.Loader.AssemblyLoadContext");

        private readonly object _context;
        private readonly object _default;
        private readonly EventInfo _resolving;
        private readonly Dictionary<string, Assembly> _loaded;
        private readonly ISet<string> _exported;
        private readonly Assembly _shared;
        private readonly Delegate _defaultHandler;
        private bool _subscribed;

        private IsolatedLoadContext(object context, Dictionary<string, Assembly> loaded, ISet<string> exported, Assembly shared)
        {
            _context = context;
            _loaded = loaded;
            _exported = exported;
            _shared = shared;
            _default = LoadContextType!.GetProperty("Default")!.GetValue(null)!;
            _resolving = LoadContextType.GetEvent("Resolving")!;
            _defaultHandler = Handler(nameof(OnDefaultResolving));
            _resolving.AddEventHandler(_context, Handler(nameof(OnIsolatedResolving)));
        }

        /// <summary>True on .NET (Core); false on .NET Framework.</summary>
        public static bool IsSupported => LoadContextType != null;

        /// <summary>
        /// Creates the context and loads every assembly of the folder into it at once, so that the engine's references
        /// bind to these copies from the context's own cache before the default context is ever asked. Assemblies the
        /// runtime itself ships at the same or a newer version are left to the runtime, as the default context would
        /// choose: a second copy of System.Memory or System.Text.Json would split types like Span from the framework's.
        /// </summary>
        /// <param name="exported">Simple names the default context may take from here (what the cmdlets reference).</param>
        /// <param name="shared">The assembly both sides share from the default context (the result types).</param>
        public static IsolatedLoadContext Create(DependencyFolder folder, IEnumerable<string> exported, Assembly shared)
        {
            var context = LoadContextType!.GetConstructor(new[] { typeof(string), typeof(bool) })!
                .Invoke(new object[] { ContextName, false });
            var loadFromPath = LoadContextType.GetMethod("LoadFromAssemblyPath", new[] { typeof(string) })!;
            var loaded = new Dictionary<string, Assembly>(StringComparer.OrdinalIgnoreCase);
            foreach (var path in folder.Assemblies.OrderBy(p => p, StringComparer.OrdinalIgnoreCase))
            {
                if (RuntimeProvides(folder, path)) continue;
                var assembly = (Assembly)loadFromPath.Invoke(context, new object[] { path })!;
                loaded[assembly.GetName().Name!] = assembly;
            }

            return new IsolatedLoadContext(context, loaded, new HashSet<string>(exported, StringComparer.OrdinalIgnoreCase), shared);
        }

        /// <summary>Lets the default context find the exported engine assemblies here. Idempotent.</summary>
        public void Subscribe()
        {
            if (_subscribed) return;
            _resolving.AddEventHandler(_default, _defaultHandler);
            _subscribed = true;
        }

        public void Unsubscribe()
        {
            if (!_subscribed) return;
            _resolving.RemoveEventHandler(_default, _defaultHandler);
            _subscribed = false;
        }

        /// <summary>Default.Resolving: only what the cmdlet assembly references; anyone else's request is not ours to answer.</summary>
        private Assembly? OnDefaultResolving(object context, AssemblyName name) =>
            name.Name != null && _exported.Contains(name.Name) && _loaded.TryGetValue(name.Name, out var assembly) ? assembly : null;

        /// <summary>
        /// The isolated context's own Resolving, reached when neither its cache nor the default context satisfies a
        /// reference (an older copy asked for a newer version): answered by simple name, as a binding redirect would.
        /// </summary>
        private Assembly? OnIsolatedResolving(object context, AssemblyName name)
        {
            if (name.Name == null) return null;
            if (string.Equals(name.Name, _shared.GetName().Name, StringComparison.OrdinalIgnoreCase)) return _shared;
            return _loaded.TryGetValue(name.Name, out var assembly) ? assembly : null;
        }

        // The handlers take (object, AssemblyName); a Func<AssemblyLoadContext, AssemblyName, Assembly> accepts them
        // because delegate parameters are contravariant.
        private Delegate Handler(string methodName) =>
            Delegate.CreateDelegate(_resolving.EventHandlerType!, this,
                typeof(IsolatedLoadContext).GetMethod(methodName, BindingFlags.Instance | BindingFlags.NonPublic)!);

        private static bool RuntimeProvides(DependencyFolder folder, string path)
        {
            var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location);
            if (string.IsNullOrEmpty(runtimeDirectory)) return false;
            var runtimeCopy = Path.Combine(runtimeDirectory, Path.GetFileName(path));
            if (!File.Exists(runtimeCopy)) return false;
            try
            {
                return AssemblyName.GetAssemblyName(runtimeCopy).Version >= folder.VersionOf(path);
            }
            catch (BadImageFormatException)
            {
                return false; // a native file of the same name, not an assembly
            }
        }
    }
}
