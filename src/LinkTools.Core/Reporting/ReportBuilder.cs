using System;
using System.Collections.Generic;

namespace LinkTools.Core.Reporting
{
    /// <summary>Collects result objects as they arrive from the pipeline and makes the <see cref="Report"/> at the end.</summary>
    public sealed class ReportBuilder
    {
        private readonly ReportRowAdapters _adapters;
        private readonly List<ReportRow> _rows = new List<ReportRow>();

        public ReportBuilder(ReportRowAdapters? adapters = null) => _adapters = adapters ?? ReportRowAdapters.Default;

        public int Count => _rows.Count;

        /// <summary>Adds a result; false when no adapter knows the object (the caller reports it as bad input).</summary>
        public bool TryAdd(object? item)
        {
            if (!_adapters.TryConvert(item, out var row)) return false;
            _rows.Add(row);
            return true;
        }

        public Report Build(string title) => new Report(title, _rows.ToArray(), DateTimeOffset.UtcNow);
    }
}
