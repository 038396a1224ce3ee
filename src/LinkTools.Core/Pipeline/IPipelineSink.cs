namespace LinkTools.Core.Pipeline
{
    /// <summary>
    /// Where an operation's output goes: a cmdlet's streams in PowerShell, the console in the CLI, a recorder in tests.
    /// Every call happens on the thread that drives the operation (the pipeline thread).
    /// </summary>
    public interface IPipelineSink
    {
        /// <summary>When false, operations do not even format verbose messages.</summary>
        bool IsVerboseEnabled { get; }

        void WriteObject(object item);

        void WriteError(PipelineError error);

        void WriteWarning(string message);

        void WriteVerbose(string message);

        void WriteDebug(string message);

        /// <summary>Like PowerShell's own: usually a string; a hook's Write-Host passes its HostInformationMessage on whole.</summary>
        void WriteInformation(object messageData, string[] tags);

        void WriteProgress(ProgressInfo progress);
    }
}
