using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;

namespace LinkTools.Core.Docs
{
    /// <summary>
    /// The root folder's files and folders, as links see them: a path is looked up name by name in cached folder
    /// listings, exactly or ignoring case as asked, so "Guide.md" does not pass for "guide.md" on Windows or macOS when the
    /// site will be served from Linux, and 200,000 links cost one listing per folder rather than a file-system call each.
    /// </summary>
    internal sealed class LocalTree
    {
        private readonly ConcurrentDictionary<string, Dictionary<string, Entry>?> _folders = new(StringComparer.Ordinal);
        private readonly StringComparer _names;

        public LocalTree(string root, bool ignoreCase)
        {
            Root = root;
            _names = ignoreCase ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;
        }

        /// <summary>The root folder's full path.</summary>
        public string Root { get; }

        public StringComparer Names => _names;

        /// <summary>The file or folder at a root-relative path ('/'-separated, "" for the root), with its names as on disk.</summary>
        public Entry Find(string relativePath)
        {
            if (relativePath.Length == 0) return new Entry("", isFolder: true);
            string folder = "";
            Entry found = default;
            foreach (var name in relativePath.Split('/'))
            {
                if (name.Length == 0) continue;
                if (found.Exists && !found.IsFolder) return default;
                var listing = Listing(folder);
                if (listing == null || !listing.TryGetValue(name, out var entry)) return default;
                folder = folder.Length == 0 ? entry.Path : folder + "/" + entry.Path;
                found = new Entry(folder, entry.IsFolder);
            }

            return found;
        }

        /// <summary>The full path of a root-relative path.</summary>
        public string FullPath(string relativePath) =>
            relativePath.Length == 0 ? Root : Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

        /// <summary>The root-relative path ('/'-separated) of a full path under the root; null when it is not under it.</summary>
        public string? RelativePath(string fullPath)
        {
            string root = Root.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (string.Equals(fullPath.TrimEnd(Path.DirectorySeparatorChar), root, PathComparison)) return "";
            string prefix = root + Path.DirectorySeparatorChar;
            if (!fullPath.StartsWith(prefix, PathComparison)) return null;
            return fullPath.Substring(prefix.Length).Replace(Path.DirectorySeparatorChar, '/');
        }

        // How this machine's file system compares paths (for paths the user gave, not for links).
        private static StringComparison PathComparison =>
            Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

        private Dictionary<string, Entry>? Listing(string folder) => _folders.GetOrAdd(folder, Read);

        private Dictionary<string, Entry>? Read(string folder)
        {
            try
            {
                var entries = new Dictionary<string, Entry>(_names);
                foreach (var info in new DirectoryInfo(FullPath(folder)).EnumerateFileSystemInfos())
                {
                    // With case ignored, two names differing only in case: the first listed stands for both.
                    if (!entries.ContainsKey(info.Name)) entries.Add(info.Name, new Entry(info.Name, (info.Attributes & FileAttributes.Directory) != 0));
                }

                return entries;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is System.Security.SecurityException)
            {
                return null;
            }
        }

        /// <summary>A file or folder found, by its root-relative path as on disk (for a listing entry, its name).</summary>
        internal readonly struct Entry
        {
            public Entry(string path, bool isFolder)
            {
                Path = path;
                IsFolder = isFolder;
                Exists = true;
            }

            public string Path { get; }

            public bool IsFolder { get; }

            public bool Exists { get; }
        }
    }
}
