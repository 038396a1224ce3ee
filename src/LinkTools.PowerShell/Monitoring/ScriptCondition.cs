using System;
using System.Collections.Generic;
using System.Management.Automation;
using LinkTools.Core.Monitoring;
using LinkTools.Model.Monitoring;

namespace LinkTools.PowerShell.Monitoring
{
    /// <summary>Turns a -Condition scriptblock into the predicate the operation runs on the pipeline thread, with the check result as $_.</summary>
    internal static class ScriptCondition
    {
        public static Func<SiteCheckResult, bool> From(ScriptBlock condition) => result =>
        {
            var variables = new List<PSVariable> { new PSVariable("_", result) };
            var output = condition.InvokeWithContext(null, variables, result);
            return output.Count == 1 ? LanguagePrimitives.IsTrue(output[0]) : LanguagePrimitives.IsTrue(output);
        };
    }
}
