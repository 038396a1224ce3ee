using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Triage
{
    /// <summary>What <see cref="ResultTriage"/> makes of one result: hidden by a suppression, or kept with its baseline state.</summary>
    public sealed class TriageDecision
    {
        private TriageDecision(Suppression? suppressedBy, BaselineState state, bool failsRun)
        {
            SuppressedBy = suppressedBy;
            State = state;
            FailsRun = failsRun;
        }

        /// <summary>The suppression in force that hides the result, or null when it is kept.</summary>
        public Suppression? SuppressedBy { get; }

        public bool IsSuppressed => SuppressedBy != null;

        /// <summary>The result against the baseline (<see cref="BaselineState.None"/> without one, or when suppressed).</summary>
        public BaselineState State { get; }

        /// <summary>Whether the result counts against the run (a suppressed one never does).</summary>
        public bool FailsRun { get; }

        internal static TriageDecision Suppressed(Suppression suppression) => new TriageDecision(suppression, BaselineState.None, failsRun: false);

        internal static TriageDecision Kept(BaselineState state, bool failsRun) => new TriageDecision(null, state, failsRun);
    }
}
