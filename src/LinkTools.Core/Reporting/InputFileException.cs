using System;
using System.IO;

namespace LinkTools.Core.Reporting
{
    /// <summary>A baseline or suppression file that cannot be used; the message names the file (and the line).</summary>
    public sealed class InputFileException : IOException
    {
        public InputFileException(string path, string problem, Exception? inner = null)
            : base($"'{path}': {problem}", inner)
        {
            FilePath = path;
        }

        public string FilePath { get; }
    }
}
