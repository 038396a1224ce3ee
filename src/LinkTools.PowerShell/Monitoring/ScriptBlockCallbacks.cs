using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Text;
using LinkTools.Model.Monitoring;

namespace LinkTools.PowerShell.Monitoring
{
    /// <summary>
    /// Watch-Website's host side: runs the -OnStateChange scriptblocks on the pipeline thread, each in a nested
    /// pipeline stopped after the timeout, and passes on what they write through the operation's output (objects,
    /// warnings, verbose, debug and information to the same streams), so it takes the route every result takes.
    /// </summary>
    internal sealed class ScriptBlockCallbacks : IWatchCallbacks
    {
        // $_ is the batch: one change, or an array when -NotifyBatch grouped several ($_.Name works for both). Every
        // stream is merged into the output, so the records can be passed on to the cmdlet's own streams in order.
        private const string Runner = "param($__handler, $__changes) ,$__changes | ForEach-Object -Process $__handler *>&1";
        private const int ShownScriptLength = 60;

        private readonly IReadOnlyList<ScriptBlock> _handlers;
        private readonly TimeSpan _timeout;

        public ScriptBlockCallbacks(IReadOnlyList<ScriptBlock> handlers, TimeSpan timeout)
        {
            _handlers = handlers;
            _timeout = timeout;
        }

        public void OnStateChanges(IReadOnlyList<SiteStateChange> changes, IPipelineSink output)
        {
            object batch = changes.Count == 1 ? changes[0] : changes.ToArray();
            for (int i = 0; i < _handlers.Count; i++)
            {
                string block = Describe(i);
                using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
                shell.AddScript(Runner).AddArgument(_handlers[i]).AddArgument(batch);
                using var watchdog = new Timer(_ => shell.BeginStop(null, null), null, _timeout, Timeout.InfiniteTimeSpan);
                try
                {
                    foreach (var item in shell.Invoke()) PassOn(item, block, output);
                    if (shell.InvocationStateInfo.State == PSInvocationState.Stopped)
                    {
                        output.WriteWarning($"{block} was stopped after {_timeout.TotalSeconds:0} s (-NotificationTimeoutSec). The watch goes on.");
                    }
                }
                catch (RuntimeException ex)
                {
                    output.WriteWarning($"{block} failed: {ConsoleText.Neutralize(ex.Message)}. The watch goes on.");
                }
            }
        }

        /// <summary>Output goes down the pipeline; warning, verbose, debug and information records to the same streams; an error becomes a warning naming the block.</summary>
        private static void PassOn(PSObject item, string block, IPipelineSink output)
        {
            switch (item.BaseObject)
            {
                case WarningRecord warning:
                    output.WriteWarning(warning.Message);
                    break;
                case VerboseRecord verbose:
                    output.WriteVerbose(verbose.Message);
                    break;
                case DebugRecord debug:
                    output.WriteDebug(debug.Message);
                    break;
                case InformationRecord information:
                    output.WriteInformation(information.MessageData ?? string.Empty, information.Tags.ToArray());
                    break;
                case ErrorRecord error:
                    output.WriteWarning($"{block} wrote an error: {ConsoleText.Neutralize(error.ToString())}. The watch goes on.");
                    break;
                default:
                    output.WriteObject(item);
                    break;
            }
        }

        /// <summary>"-OnStateChange block 2 of 3 ({ throw 'boom' })", or its file and line when it came from a script file.</summary>
        private string Describe(int index)
        {
            var handler = _handlers[index];
            string where = handler.File is string file && file.Length > 0
                ? $"{file}:{handler.Ast.Extent.StartLineNumber}"
                : "{ " + Shorten(handler.ToString()) + " }";
            return $"-OnStateChange block {index + 1} of {_handlers.Count} ({where})";
        }

        private static string Shorten(string script)
        {
            string oneLine = string.Join(" ", script.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
            return ConsoleText.Neutralize(oneLine.Length <= ShownScriptLength ? oneLine : oneLine.Substring(0, ShownScriptLength) + "...");
        }
    }
}
