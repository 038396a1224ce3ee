using System;
using System.Management.Automation;
using LinkTools.Core.Ci;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;

namespace LinkTools.PowerShell
{
    /// <summary>What every LinkTools cmdlet does the same way in a CI pipeline: agent detection, baselines, suppressions.</summary>
    internal static class CiIntegration
    {
        /// <summary>Annotations for the CI agent found in the process environment, or null outside CI.</summary>
        public static CiAnnotations? DetectCi() => CiAnnotations.Detect();

        /// <summary>The result cache a cmdlet's -CachePath and -MaxCacheAge ask for, or null without -CachePath.</summary>
        public static LinkTools.Core.Caching.ResultCacheSettings? CacheSettings(PSCmdlet cmdlet, string? cachePath, TimeSpan maxCacheAge) =>
            cachePath == null ? null : new LinkTools.Core.Caching.ResultCacheSettings(cmdlet.GetUnresolvedProviderPathFromPSPath(cachePath)) { MaxAge = maxCacheAge };

        /// <summary>
        /// Loads the baseline and suppression files (either may be null). A file that cannot be used stops the
        /// command, as a bad parameter value does: results compared with nothing would pass a CI gate silently.
        /// </summary>
        public static ResultTriage? LoadTriage(PSCmdlet cmdlet, string? baselinePath, string? suppressionPath)
        {
            if (baselinePath == null && suppressionPath == null) return null;
            string? current = null;
            try
            {
                Baseline? baseline = null;
                SuppressionList? suppressions = null;
                if (baselinePath != null)
                {
                    current = baselinePath;
                    baseline = Baseline.Load(cmdlet.GetUnresolvedProviderPathFromPSPath(baselinePath));
                }

                if (suppressionPath != null)
                {
                    current = suppressionPath;
                    suppressions = SuppressionList.Load(cmdlet.GetUnresolvedProviderPathFromPSPath(suppressionPath), DateTimeOffset.UtcNow);
                }

                return new ResultTriage(baseline, suppressions);
            }
            catch (InputFileException e)
            {
                cmdlet.ThrowTerminatingError(new ErrorRecord(e, "InputFileInvalid", ErrorCategory.InvalidData, current));
                return null;
            }
        }
    }
}
