using System;
using System.Management.Automation;
using LinkTools.Core.Ci;
using LinkTools.Core.Pipeline;

namespace LinkTools.PowerShell
{
    /// <summary>Routes an operation's output to a cmdlet's streams. Used only on the pipeline thread.</summary>
    internal sealed class CmdletSink : IPipelineSink
    {
        private readonly PSCmdlet _cmdlet;

        public CmdletSink(PSCmdlet cmdlet)
        {
            _cmdlet = cmdlet;
            IsVerboseEnabled = ReadVerbose(cmdlet);
        }

        public bool IsVerboseEnabled { get; }

        public void WriteObject(object item) => _cmdlet.WriteObject(item);

        public void WriteError(PipelineError error)
        {
            var category = (ErrorCategory)Enum.Parse(typeof(ErrorCategory), error.Category.ToString());
            _cmdlet.WriteError(new ErrorRecord(error.Exception, error.ErrorId, category, error.TargetObject));
        }

        public void WriteWarning(string message) => _cmdlet.WriteWarning(message);

        public void WriteVerbose(string message) => _cmdlet.WriteVerbose(message);

        public void WriteDebug(string message) => _cmdlet.WriteDebug(message);

        public void WriteInformation(object messageData, string[] tags)
        {
            if (Array.IndexOf(tags, CiAnnotator.InformationTag) >= 0)
            {
                // CI annotations must reach the host's output, where the agent reads them. Plain information records
                // show only with InformationAction Continue; a PSHOST-tagged HostInformationMessage is what Write-Host
                // writes, which the host always prints (unless InformationAction Ignore) and never puts in the pipeline.
                _cmdlet.WriteInformation(new HostInformationMessage { Message = messageData.ToString() }, new[] { "PSHOST", CiAnnotator.InformationTag });
                return;
            }

            _cmdlet.WriteInformation(messageData, tags);
        }

        public void WriteProgress(ProgressInfo progress)
        {
            var record = new ProgressRecord(progress.ActivityId, progress.Activity, progress.StatusDescription)
            {
                PercentComplete = progress.PercentComplete,
                RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
            };
            if (!string.IsNullOrEmpty(progress.CurrentOperation)) record.CurrentOperation = progress.CurrentOperation;
            _cmdlet.WriteProgress(record);
        }

        private static bool ReadVerbose(PSCmdlet cmdlet)
        {
            if (cmdlet.MyInvocation.BoundParameters.TryGetValue("Verbose", out var bound))
            {
                return bound is SwitchParameter sw ? sw.IsPresent : bound is bool b && b;
            }

            return cmdlet.GetVariableValue("VerbosePreference") is ActionPreference preference && preference != ActionPreference.SilentlyContinue;
        }
    }
}
