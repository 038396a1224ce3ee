using System.Collections.Generic;
using System.Linq;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Triage
{
    /// <summary>
    /// What a run compares its broken links with: a baseline (New, StillBroken, Fixed) and suppressions (accepted
    /// broken links, hidden until they expire). Shared by Test-Link, Export-LinkReport and the CLI; thread-safe.
    /// </summary>
    public sealed class ResultTriage
    {
        /// <summary>No baseline and no suppressions: every result is kept, and every broken one fails the run.</summary>
        public static readonly ResultTriage None = new ResultTriage(null, null);

        public ResultTriage(Baseline? baseline, SuppressionList? suppressions)
        {
            Baseline = baseline;
            Suppressions = suppressions;
        }

        public Baseline? Baseline { get; }

        public SuppressionList? Suppressions { get; }

        /// <summary>
        /// The one triage rule for every caller: a suppression in force hides a broken result (it is neither compared
        /// nor counted); anything else gets its baseline state.
        /// </summary>
        public TriageDecision Assess(string url, bool isBroken)
        {
            var suppression = SuppressedBy(url, isBroken);
            if (suppression != null) return TriageDecision.Suppressed(suppression);
            var state = Compare(url, isBroken);
            return TriageDecision.Kept(state, FailsRun(state, isBroken));
        }

        /// <summary>The suppression that hides a broken URL, or null (working links are never hidden).</summary>
        public Suppression? SuppressedBy(string url, bool isBroken) => isBroken ? Suppressions?.Match(url) : null;

        public BaselineState Compare(string url, bool isBroken) => Baseline?.Compare(url, isBroken) ?? BaselineState.None;

        /// <summary>With a baseline only new breakage fails a run; without one every broken link does.</summary>
        public bool FailsRun(BaselineState state, bool isBroken) => isBroken && (Baseline == null || state == BaselineState.New);

        /// <summary>One warning per suppression past its expiry date, naming it.</summary>
        public IEnumerable<string> ExpiredWarnings() =>
            (Suppressions?.Expired ?? new Suppression[0]).Select(s => $"The suppression {s} has expired: matching broken links count again.");
    }
}
