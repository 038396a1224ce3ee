using System;
using System.IO;

namespace LinkTools.Core.Storage
{
    /// <summary>
    /// Replaces a file whole: the content goes to a temporary file in the same folder, is flushed to disk, and then
    /// takes the file's place in one rename. A reader sees the old file or the new one, never a half-written or a
    /// missing one, and a writer that fails (or a crash) leaves the old file as it was.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>True when <paramref name="path"/> is an existing folder or ends with a separator: no file can be written there.</summary>
        public static bool IsFolder(string path)
        {
            string full = Path.GetFullPath(path);
            return Path.GetFileName(full).Length == 0 || Directory.Exists(full);
        }

        /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, creating its folder if needed.</summary>
        /// <param name="newFileMode">
        /// The Unix permissions of a file that does not exist yet (null: the process's default). An existing file keeps
        /// its own: the replacement takes its mode before the rename.
        /// </param>
        /// <exception cref="IOException"><paramref name="path"/> is a folder (or ends with a separator) instead of a file.</exception>
        public static void Write(string path, Action<Stream> write, int? newFileMode = null)
        {
            string full = Path.GetFullPath(path);
            if (IsFolder(full))
            {
                throw new IOException(path + " is a folder; give a file name.");
            }

            string directory = Path.GetDirectoryName(full) ?? ".";
            Directory.CreateDirectory(directory);

            // Same folder: a rename across volumes is a copy, and not atomic. The name is short and does not grow with
            // the file's own, so any file name the folder takes also leaves room for the temporary one.
            string temp = Path.Combine(directory, ".linktools-" + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    // Set before any content is written, so the content is never readable more widely than the file will be.
                    if ((FileModes.Get(full) ?? newFileMode) is int mode) FileModes.Set(temp, mode);
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                Replace(temp, full);
            }
            finally
            {
                DeleteLeftover(temp);
            }
        }

        private static void Replace(string temp, string destination)
        {
            // File.Replace needs an existing destination; the first write is a plain move, which also fails rather
            // than overwrite when another writer created the file meanwhile (that one is then replaced).
            if (File.Exists(destination))
            {
                File.Replace(temp, destination, destinationBackupFileName: null);
                return;
            }

            try
            {
                File.Move(temp, destination);
            }
            catch (IOException) when (File.Exists(destination))
            {
                File.Replace(temp, destination, destinationBackupFileName: null);
            }
        }

        private static void DeleteLeftover(string temp)
        {
            try
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                // A stray temp file is harmless; the error that brought us here matters more.
            }
        }
    }
}
