namespace LinkTools.Core.Ci
{
    /// <summary>
    /// Formats the logging commands of one CI agent. Every value is escaped as that agent expects and text from the
    /// web is neutralised first, so a page can never issue a command of its own.
    /// </summary>
    public abstract class CiAnnotator
    {
        /// <summary>The information tag of annotation lines: a sink prints them raw, where the agent reads its output.</summary>
        public const string InformationTag = "CiAnnotation";

        /// <summary>The agent's name, for verbose messages.</summary>
        public abstract string Name { get; }

        /// <summary>An error annotation for <paramref name="sourcePath"/> (the page a link is on, or the URL itself).</summary>
        public abstract string Error(string sourcePath, string title, string message);

        /// <summary>A progress line, or null when the agent has no such command.</summary>
        public abstract string? Progress(int percentComplete, string activity);

        /// <summary>
        /// Attaches a Markdown file to the run's summary page; returns the line to print when the agent is told by a
        /// logging command, or null when it was done directly.
        /// </summary>
        public abstract string? AttachSummary(string markdownPath);
    }
}
