using System;
using System.Collections.Generic;
using LinkTools.Core.Reporting;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

namespace LinkTools.Core.Triage
{
    /// <summary>
    /// The links a previous run found broken, matched by URL (exact, as the run wrote it). Read-only once loaded, so
    /// worker threads may share it.
    /// </summary>
    public sealed class Baseline
    {
        private readonly HashSet<string> _broken;

        public Baseline(IEnumerable<string> brokenUrls) => _broken = new HashSet<string>(brokenUrls, StringComparer.Ordinal);

        public int BrokenCount => _broken.Count;

        /// <summary>Reads a previous run's results; throws <see cref="InputFileException"/> naming the file when it cannot.</summary>
        public static Baseline Load(string path, ReportRowAdapters? adapters = null)
        {
            adapters ??= ReportRowAdapters.Default;
            var broken = new List<string>();
            int rows = 0;
            foreach (var bag in ResultFileReader.Read(path))
            {
                if (!adapters.TryConvert(bag, out var row)) continue;
                rows++;
                if (row.Outcome == ReportOutcome.Failed) broken.Add(row.Url);
            }

            if (rows == 0) throw new InputFileException(path, "holds no results: a baseline needs rows with Url and Status, as Test-Link, Export-Csv or Export-LinkReport -Format Json write them.");
            return new Baseline(broken);
        }

        public BaselineState Compare(string url, bool isBroken)
        {
            bool wasBroken = _broken.Contains(url);
            if (isBroken) return wasBroken ? BaselineState.StillBroken : BaselineState.New;
            return wasBroken ? BaselineState.Fixed : BaselineState.None;
        }
    }
}
