using System;
using System.Collections.ObjectModel;
using System.IO;
using System.Management.Automation;
using LinkTools.Core.Reporting;
using LinkTools.Model.Reporting;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>
    /// The file a report goes to, settled as Export-Csv settles its file: -Path wildcards resolved to one file,
    /// -LiteralPath taken as typed, the format read from the extension, and an existing file kept unless it may be replaced.
    /// Each refusal ends the command, naming the file, before any input is read.
    /// </summary>
    internal sealed class ReportTarget
    {
        private ReportTarget(string file) => File = file;

        /// <summary>The file system path of the report.</summary>
        public string File { get; }

        public static ReportTarget Resolve(PSCmdlet cmdlet, string path, bool literal)
        {
            if (literal || !WildcardPattern.ContainsWildcardCharacters(path))
            {
                return new ReportTarget(cmdlet.GetUnresolvedProviderPathFromPSPath(path));
            }

            Collection<string> matches;
            try
            {
                matches = cmdlet.GetResolvedProviderPathFromPSPath(path, out _);
            }
            catch (ItemNotFoundException)
            {
                matches = new Collection<string>();
            }

            if (matches.Count != 1)
            {
                var message = $"-Path '{path}' matches {matches.Count} files; it must match exactly one. Use -LiteralPath for a file name with wildcard characters.";
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "PathNotSingleFile", ErrorCategory.InvalidArgument, path));
            }

            return new ReportTarget(matches[0]);
        }

        /// <summary>The format the file's extension names; ends the command, naming -Format, when it names none.</summary>
        public ReportFormat FormatFromExtension(PSCmdlet cmdlet)
        {
            if (ReportWriters.FormatOf(File) is ReportFormat format) return format;
            var message = $"-Format is needed: the extension of '{System.IO.Path.GetFileName(File)}' names no report format. Give -Format JUnit, Markdown, Json or Html, or name the file .xml, .md, .json or .html.";
            cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException(message), "ReportFormatUnknown", ErrorCategory.InvalidArgument, File));
            return default;
        }

        /// <summary>Ends the command when the file exists and -NoClobber keeps it, or it is read-only without -Force.</summary>
        public void RefuseToReplace(PSCmdlet cmdlet, bool noClobber, bool force)
        {
            var existing = new FileInfo(File);
            if (!existing.Exists) return;
            if (noClobber)
            {
                var message = $"The file '{File}' already exists and -NoClobber keeps it.";
                cmdlet.ThrowTerminatingError(new ErrorRecord(new IOException(message), "NoClobber", ErrorCategory.ResourceExists, File));
            }

            if (!existing.IsReadOnly) return;
            if (!force)
            {
                var message = $"The file '{File}' is read-only: use -Force to replace it.";
                cmdlet.ThrowTerminatingError(new ErrorRecord(new UnauthorizedAccessException(message), "FileReadOnly", ErrorCategory.PermissionDenied, File));
            }

            // Cleared only when the report is written (PrepareToWrite): -WhatIf leaves the file as it was.
            _clearReadOnly = true;
        }

        private bool _clearReadOnly;

        /// <summary>Just before writing: a read-only file that -Force may replace loses its read-only attribute.</summary>
        public void PrepareToWrite()
        {
            if (_clearReadOnly) new FileInfo(File).IsReadOnly = false;
        }
    }
}
