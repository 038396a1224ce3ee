using System.Globalization;
using LinkTools.Core.Text;

namespace LinkTools.Core.Ci
{
    /// <summary>Azure Pipelines logging commands (##vso[...]), read by the agent from a step's output.</summary>
    public sealed class AzureDevOpsAnnotator : CiAnnotator
    {
        public override string Name => "Azure DevOps";

        public override string Error(string sourcePath, string title, string message) =>
            $"##vso[task.logissue type=error;sourcepath={Property(sourcePath)}]{Data(title + ": " + message)}";

        public override string? Progress(int percentComplete, string activity) =>
            $"##vso[task.setprogress value={percentComplete.ToString(CultureInfo.InvariantCulture)};]{Data(activity)}";

        public override string? AttachSummary(string markdownPath) => $"##vso[task.uploadsummary]{Data(markdownPath)}";

        /// <summary>The agent's escaping of a command's message: '%' first, so the escapes themselves stay intact.</summary>
        public static string Data(string text) =>
            ConsoleText.Neutralize(text).Replace("%", "%AZP25").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>Properties also end at ';' and the command at ']'.</summary>
        public static string Property(string text) =>
            Data(text).Replace(";", "%3B").Replace("]", "%5D");
    }
}
