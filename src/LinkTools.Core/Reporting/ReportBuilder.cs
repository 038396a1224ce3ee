using System;
using System.Collections.Generic;
using LinkTools.Core.Triage;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Reporting
{
    /// <summary>Collects result objects as they arrive from the pipeline and makes the <see cref="Report"/> at the end.</summary>
    public sealed class ReportBuilder
    {
        private readonly ReportRowAdapters _adapters;
        private readonly ResultTriage? _triage;
        private readonly List<ReportRow> _rows = new List<ReportRow>();

        public ReportBuilder(ReportRowAdapters? adapters = null, ResultTriage? triage = null)
        {
            _adapters = adapters ?? ReportRowAdapters.Default;
            _triage = triage;
        }

        public int Count => _rows.Count;

        /// <summary>Failed rows left out because a suppression in force matched them.</summary>
        public int Suppressed { get; private set; }

        /// <summary>Adds a result; false when no adapter knows the object (the caller reports it as bad input).</summary>
        public bool TryAdd(object? item)
        {
            if (!_adapters.TryConvert(item, out var row)) return false;
            if (_triage != null)
            {
                var verdict = _triage.Assess(row.Url, row.Outcome == ReportOutcome.Failed);
                if (verdict.IsSuppressed)
                {
                    Suppressed++;
                    return true;
                }

                // Without a baseline the row keeps the state its result already carries (Test-Link -Baseline).
                if (_triage.Baseline != null) row.BaselineState = verdict.State == BaselineState.None ? "" : verdict.State.ToString();
            }

            _rows.Add(row);
            return true;
        }

        public Report Build(string title) => new Report(title, _rows.ToArray(), DateTimeOffset.UtcNow);
    }
}
