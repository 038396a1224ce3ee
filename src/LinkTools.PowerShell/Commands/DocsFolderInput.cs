using System;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace LinkTools.PowerShell.Commands
{
    /// <summary>-Path, -LiteralPath and -RootPath as file-system paths: wildcards expanded, PSPaths and relative paths
    /// resolved against the current location; each path that names nothing is one error naming it.</summary>
    internal static class DocsFolderInput
    {
        public static void Resolve(PSCmdlet cmdlet, string[] inputs, bool expandWildcards, List<string> into)
        {
            foreach (var input in inputs)
            {
                try
                {
                    IEnumerable<string> paths;
                    ProviderInfo provider;
                    if (expandWildcards)
                    {
                        paths = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(input, out provider);
                    }
                    else
                    {
                        paths = new[] { cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(input, out provider, out _) };
                    }

                    if (provider.ImplementingType != typeof(FileSystemProvider))
                    {
                        cmdlet.WriteError(new ErrorRecord(new ArgumentException($"'{input}' is not a file-system path."), "NotAFileSystemPath", ErrorCategory.InvalidArgument, input));
                        continue;
                    }

                    foreach (var path in paths)
                    {
                        if (File.Exists(path) || Directory.Exists(path)) into.Add(path);
                        else cmdlet.WriteError(new ErrorRecord(new ItemNotFoundException($"Cannot find path '{path}' because it does not exist."), "PathNotFound", ErrorCategory.ObjectNotFound, input));
                    }
                }
                catch (Exception ex) when (ex is ItemNotFoundException || ex is System.Management.Automation.DriveNotFoundException || ex is ProviderNotFoundException || ex is ArgumentException || ex is NotSupportedException)
                {
                    cmdlet.WriteError(new ErrorRecord(ex, "PathNotFound", ErrorCategory.ObjectNotFound, input));
                }
            }
        }

        /// <summary>-RootPath as a full path; a root that is not a folder ends the command with an error naming it.</summary>
        public static string Root(PSCmdlet cmdlet, string rootPath)
        {
            string full = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(rootPath);
            if (!Directory.Exists(full))
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(new ArgumentException($"-RootPath '{rootPath}' is not a folder."), "InvalidRootPath", ErrorCategory.InvalidArgument, rootPath));
            }

            return full;
        }
    }
}
