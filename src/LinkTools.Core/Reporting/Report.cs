using System;
using System.Collections.Generic;
using System.Linq;

namespace LinkTools.Core.Reporting
{
    /// <summary>What a report is about: its rows, a title and when it was made. Writers derive everything else.</summary>
    public sealed class Report
    {
        public Report(string title, IReadOnlyList<ReportRow> rows, DateTimeOffset generatedAt)
        {
            Title = title;
            Rows = rows;
            GeneratedAt = generatedAt;
        }

        public string Title { get; }

        public IReadOnlyList<ReportRow> Rows { get; }

        public DateTimeOffset GeneratedAt { get; }

        public int Failed => Rows.Count(r => r.Outcome == ReportOutcome.Failed);

        public int Skipped => Rows.Count(r => r.Outcome == ReportOutcome.Skipped);

        public int Passed => Rows.Count(r => r.Outcome == ReportOutcome.Passed);

        /// <summary>Row counts per Status, most frequent first.</summary>
        public IReadOnlyList<KeyValuePair<string, int>> StatusCounts() =>
            Rows.GroupBy(r => r.Status, StringComparer.OrdinalIgnoreCase)
                .Select(g => new KeyValuePair<string, int>(g.Key, g.Count()))
                .OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
                .ToArray();

        /// <summary>The failed rows grouped by the page (or site) they belong to; rows without one share an empty key.</summary>
        public IReadOnlyList<IGrouping<string, ReportRow>> FailuresBySource() =>
            Rows.Where(r => r.Outcome == ReportOutcome.Failed)
                .GroupBy(r => r.Source, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToArray();
    }
}
