using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;

namespace LinkTools.PowerShell.Monitoring
{
    /// <summary>
    /// Watch-Website's host side: runs the -OnStateChange scriptblocks on the pipeline thread, each in a nested
    /// pipeline stopped after the timeout, and writes CI lines to the host as they are.
    /// </summary>
    internal sealed class ScriptBlockCallbacks : IWatchCallbacks
    {
        // $_ is the batch: one change, or an array when -NotifyBatch grouped several ($_.Name works for both).
        private const string Runner = "param($__handler, $__changes) $__handler.InvokeWithContext($null, [System.Collections.Generic.List[psvariable]]@([psvariable]::new('_', $__changes)), @(,$__changes))";

        private readonly PSCmdlet _cmdlet;
        private readonly IReadOnlyList<ScriptBlock> _handlers;
        private readonly TimeSpan _timeout;

        public ScriptBlockCallbacks(PSCmdlet cmdlet, IReadOnlyList<ScriptBlock> handlers, TimeSpan timeout)
        {
            _cmdlet = cmdlet;
            _handlers = handlers;
            _timeout = timeout;
        }

        public void OnStateChanges(IReadOnlyList<SiteStateChange> changes)
        {
            object batch = changes.Count == 1 ? changes[0] : changes.ToArray();
            foreach (var handler in _handlers)
            {
                using var shell = System.Management.Automation.PowerShell.Create(RunspaceMode.CurrentRunspace);
                shell.AddScript(Runner).AddArgument(handler).AddArgument(batch);
                using var watchdog = new Timer(_ => shell.BeginStop(null, null), null, _timeout, Timeout.InfiniteTimeSpan);
                try
                {
                    shell.Invoke();
                    if (shell.InvocationStateInfo.State == PSInvocationState.Stopped)
                    {
                        _cmdlet.WriteWarning($"An -OnStateChange scriptblock was stopped after {_timeout.TotalSeconds:0} s (-NotificationTimeoutSec). The watch goes on.");
                    }

                    foreach (var error in shell.Streams.Error)
                    {
                        _cmdlet.WriteWarning("An -OnStateChange scriptblock wrote an error: " + error + ". The watch goes on.");
                    }
                }
                catch (RuntimeException ex)
                {
                    _cmdlet.WriteWarning("An -OnStateChange scriptblock failed: " + ex.Message + ". The watch goes on.");
                }
            }
        }

        public void WriteCiLine(string line) => _cmdlet.Host.UI.WriteLine(line);
    }
}
