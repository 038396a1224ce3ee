using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace LinkTools.Core.Docs
{
    /// <summary>The files a documentation check reads: the Markdown and HTML files under each folder given, and each file given.</summary>
    internal static class DocFiles
    {
        /// <summary>The deepest folder holding every path given (a folder holds itself; a file, its folder).</summary>
        public static string RootOf(IEnumerable<string> fullPaths)
        {
            string? common = null;
            foreach (var path in fullPaths)
            {
                string folder = Directory.Exists(path) ? path : Path.GetDirectoryName(path) ?? path;
                folder = folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
                common = common == null ? folder : CommonFolder(common, folder);
            }

            return common ?? Directory.GetCurrentDirectory();
        }

        /// <summary>Root-relative paths of the files to read, streamed folder by folder in name order, each once.</summary>
        /// <param name="onBadInput">Called with a path given and why it is not read (missing, outside the root, not Markdown or HTML).</param>
        public static IEnumerable<string> Enumerate(LocalTree tree, IEnumerable<string> fullPaths, Action<string, string> onBadInput)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var input in fullPaths)
            {
                string full = Path.GetFullPath(input);
                string? relative = tree.RelativePath(full);
                bool isFolder = Directory.Exists(full);
                if (!isFolder && !File.Exists(full))
                {
                    onBadInput(input, "there is no such file or folder");
                    continue;
                }

                if (relative == null)
                {
                    onBadInput(input, $"it is not under the root folder '{tree.Root}'");
                    continue;
                }

                if (!isFolder)
                {
                    if (!DocPage.IsMarkdown(full) && !DocPage.IsHtml(full)) onBadInput(input, "it is not a Markdown (.md, .markdown) or HTML (.html, .htm) file");
                    else if (seen.Add(relative)) yield return relative;
                    continue;
                }

                foreach (var file in Walk(full, relative))
                {
                    if (seen.Add(file)) yield return file;
                }
            }
        }

        private static IEnumerable<string> Walk(string fullFolder, string relativeFolder)
        {
            var folders = new Stack<(string Full, string Relative)>();
            folders.Push((fullFolder, relativeFolder));
            while (folders.Count > 0)
            {
                var (full, relative) = folders.Pop();
                FileSystemInfo[] entries;
                try
                {
                    entries = new DirectoryInfo(full).GetFileSystemInfos();
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    continue;
                }

                Array.Sort(entries, (a, b) => string.CompareOrdinal(a.Name, b.Name));
                var subfolders = new List<(string, string)>();
                foreach (var entry in entries)
                {
                    // .git, .vs, .github and the like are not documentation; links into them are still resolved.
                    if (entry.Name.StartsWith(".", StringComparison.Ordinal)) continue;
                    string path = relative.Length == 0 ? entry.Name : relative + "/" + entry.Name;
                    if ((entry.Attributes & FileAttributes.Directory) != 0)
                    {
                        // A linked folder could lead back up the tree: it is not walked.
                        if ((entry.Attributes & FileAttributes.ReparsePoint) == 0) subfolders.Add((entry.FullName, path));
                    }
                    else if (DocPage.IsMarkdown(entry.Name) || DocPage.IsHtml(entry.Name))
                    {
                        yield return path;
                    }
                }

                for (int i = subfolders.Count - 1; i >= 0; i--) folders.Push(subfolders[i]);
            }
        }

        private static string CommonFolder(string a, string b)
        {
            var left = a.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var right = b.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            var comparison = Path.DirectorySeparatorChar == '\\' ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            int n = 0;
            while (n < left.Length && n < right.Length && string.Equals(left[n], right[n], comparison)) n++;
            string common = string.Join(Path.DirectorySeparatorChar.ToString(), left.Take(n));
            // "/a" and "/b" share "/", which splits to an empty first part.
            return common.Length == 0 ? Path.GetPathRoot(a) ?? "" : n == 1 && left[0].Length == 0 ? Path.DirectorySeparatorChar.ToString() : common;
        }
    }
}
