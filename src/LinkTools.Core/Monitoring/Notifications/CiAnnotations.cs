using System;
using System.Collections.Generic;
using LinkTools.Core.Ci;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>
    /// The error line a CI system shows on the run for each site that goes Down: Azure DevOps (TF_BUILD) and GitHub
    /// Actions (GITHUB_ACTIONS). Formatting and escaping are the shared <see cref="CiAnnotator"/>'s, as for broken links.
    /// </summary>
    public sealed class CiAnnotations
    {
        private readonly CiAnnotator? _annotator;

        private CiAnnotations(CiAnnotator? annotator) => _annotator = annotator;

        public static CiAnnotations None { get; } = new CiAnnotations(null);

        /// <summary>Picks the CI system from the environment, as its agents set it.</summary>
        public static CiAnnotations FromEnvironment(Func<string, string?> getVariable)
        {
            var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in new[] { "TF_BUILD", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY" }) environment[name] = getVariable(name);
            var annotator = CiDetector.Detect(environment);
            return annotator == null ? None : new CiAnnotations(annotator);
        }

        /// <summary>The error line for a Down site, or null when not in CI. Site text is neutralised so it cannot add commands.</summary>
        public string? DownLine(SiteStateChange change) =>
            _annotator?.Error(change.Url, change.Name + " is Down", string.IsNullOrEmpty(change.Error) ? change.Reason.ToString() : change.Error);
    }
}
