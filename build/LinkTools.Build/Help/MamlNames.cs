using System.Xml.Linq;

namespace LinkTools.Build.Help;

/// <summary>The XML namespaces of PowerShell's MAML help format.</summary>
internal static class MamlNames
{
    public static readonly XNamespace Msh = "http://msh";
    public static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    public static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    public static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>The help file PowerShell looks for beside a binary module: "&lt;assembly file name&gt;-Help.xml".</summary>
    public static string HelpFileName(string assemblyFileName) => assemblyFileName + "-Help.xml";
}
