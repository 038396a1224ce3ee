using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;

namespace LinkTools.PowerShell.Loading
{
    /// <summary>
    /// The module's dependencies/ folder: the engine and every library it needs, kept apart from the module root so
    /// that PowerShell never loads them into its shared default context by itself.
    /// </summary>
    internal sealed class DependencyFolder
    {
        public const string Name = "dependencies";

        private readonly Dictionary<string, string> _bySimpleName;
        private readonly Dictionary<string, Version> _versions = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase);

        public DependencyFolder(string path)
        {
            Path = path;
            _bySimpleName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (!Directory.Exists(path)) return;
            foreach (var file in Directory.GetFiles(path, "*.dll"))
            {
                _bySimpleName[System.IO.Path.GetFileNameWithoutExtension(file)] = file;
            }
        }

        /// <summary>The folder beside the module assembly.</summary>
        public static DependencyFolder Beside(string moduleDirectory) => new DependencyFolder(System.IO.Path.Combine(moduleDirectory, Name));

        public string Path { get; }

        /// <summary>Full paths of every assembly in the folder.</summary>
        public IEnumerable<string> Assemblies => _bySimpleName.Values;

        /// <summary>
        /// The file that answers a request for an assembly by name, matched by simple name only (the folder holds one
        /// version of each, and Windows PowerShell has no binding redirects to reconcile versions), or null when the
        /// folder does not hold it.
        /// </summary>
        public string? PathFor(string requestedName)
        {
            string? simpleName = ParseName(requestedName)?.Name;
            return simpleName != null && _bySimpleName.TryGetValue(simpleName, out var file) ? file : null;
        }

        /// <summary>The assembly version of a file in the folder (read once, from its metadata).</summary>
        public Version VersionOf(string path)
        {
            lock (_versions)
            {
                if (!_versions.TryGetValue(path, out var version))
                {
                    version = AssemblyName.GetAssemblyName(path).Version ?? new Version(0, 0, 0, 0);
                    _versions.Add(path, version);
                }

                return version;
            }
        }

        /// <summary>A requested assembly name, or null when the text is not one.</summary>
        public static AssemblyName? ParseName(string requestedName)
        {
            try
            {
                return new AssemblyName(requestedName);
            }
            catch (Exception e) when (e is ArgumentException || e is FileLoadException)
            {
                return null;
            }
        }
    }
}
