using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace LinkTools.Core.Storage
{
    /// <summary>
    /// Unix permissions of the files LinkTools writes. File.Get/SetUnixFileMode exist from .NET 7 (PowerShell 7 and the
    /// CLI) but not in netstandard2.0, so they are found at run time; on Windows and Windows PowerShell there are no
    /// modes and nothing is done (the folder's ACL applies).
    /// </summary>
    internal static class FileModes
    {
        /// <summary>rw------- : the user only.</summary>
        public const int OwnerOnly = 0x180; // 0600

        private static readonly MethodInfo? GetMode = Find("GetUnixFileMode", typeof(string));
        private static readonly MethodInfo? SetMode = GetMode == null ? null : Find("SetUnixFileMode", typeof(string), GetMode.ReturnType);

        /// <summary>The mode of an existing file, or null (no such file, or no modes on this platform).</summary>
        public static int? Get(string path)
        {
            if (GetMode == null || !File.Exists(path)) return null;
            try
            {
                return Convert.ToInt32(GetMode.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is IOException || ex.InnerException is UnauthorizedAccessException)
            {
                return null;
            }
        }

        public static void Set(string path, int mode)
        {
            if (SetMode == null || GetMode == null) return;
            SetMode.Invoke(null, new[] { path, Enum.ToObject(GetMode.ReturnType, mode) });
        }

        private static MethodInfo? Find(string name, params Type[] parameters) =>
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? null : typeof(File).GetMethod(name, parameters);
    }
}
