using LinkTools.Build.Packaging;

namespace LinkTools.Build.Help;

/// <summary>Generates a binary module's MAML help file from its built assembly, XML doc comments and example files.</summary>
internal static class ModuleHelpGenerator
{
    public const string AboutTopic = "about_LinkTools";

    /// <summary>Reads the help of every cmdlet in the assembly; XML doc files are taken from beside each dependency.</summary>
    public static IReadOnlyList<CommandHelp> Read(string rootAssemblyPath, string examplesDirectory)
    {
        var docs = XmlDocComments.ForAssemblies(DependencyClosure.Of(rootAssemblyPath));
        var assembly = ModuleAssemblyLoader.Load(rootAssemblyPath, out var context);
        try
        {
            return new CmdletHelpReader(docs, examplesDirectory).Read(assembly);
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Writes the MAML file and returns the help it holds.</summary>
    public static IReadOnlyList<CommandHelp> Generate(string rootAssemblyPath, string examplesDirectory, string helpFilePath)
    {
        var commands = Read(rootAssemblyPath, examplesDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(helpFilePath))!);
        MamlWriter.Write(commands, AboutTopic).Save(helpFilePath);
        return commands;
    }
}
