using System;
using System.IO;
using System.Text;
using LinkTools.Core.Text;

namespace LinkTools.Core.Ci
{
    /// <summary>GitHub Actions workflow commands (::error ...::) and the job summary file.</summary>
    public sealed class GitHubActionsAnnotator : CiAnnotator
    {
        private readonly string? _stepSummaryPath;

        /// <param name="stepSummaryPath">The file named by GITHUB_STEP_SUMMARY, or null when the runner set none.</param>
        public GitHubActionsAnnotator(string? stepSummaryPath) => _stepSummaryPath = stepSummaryPath;

        public override string Name => "GitHub Actions";

        public override string Error(string sourcePath, string title, string message) =>
            $"::error file={Property(sourcePath)},title={Property(title)}::{Data(message)}";

        /// <summary>GitHub has no progress command; the log shows the results themselves.</summary>
        public override string? Progress(int percentComplete, string activity) => null;

        /// <summary>Appends the Markdown to the job summary file (the runner renders it on the run's page).</summary>
        public override string? AttachSummary(string markdownPath)
        {
            if (string.IsNullOrEmpty(_stepSummaryPath)) return null;
            var markdown = File.ReadAllText(markdownPath);
            File.AppendAllText(_stepSummaryPath, markdown + Environment.NewLine, new UTF8Encoding(false));
            return null;
        }

        /// <summary>The runner's escaping of a command's message: '%' first, so the escapes themselves stay intact.</summary>
        public static string Data(string text) =>
            ConsoleText.Neutralize(text).Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");

        /// <summary>Properties also end at ',' and the property list at "::".</summary>
        public static string Property(string text) =>
            Data(text).Replace(":", "%3A").Replace(",", "%2C");
    }
}
