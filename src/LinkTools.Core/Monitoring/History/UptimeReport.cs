using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using LinkTools.Core.Text;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.History;

namespace LinkTools.Core.Monitoring.History
{
    /// <summary>
    /// Uptime per site from a history file: each check stands for the time until the site's next check (the last
    /// one for the median gap), Down time counts against uptime, Maintenance and Unknown time is left out.
    /// </summary>
    public static class UptimeReport
    {
        private sealed class Row
        {
            public DateTimeOffset At;
            public string Url = "";
            public string Name = "";
            public SiteHealth State;
            public bool InMaintenance;
            public long ResponseMs;
        }

        /// <summary>Reads <paramref name="path"/> and reports every site with checks inside [from, to).</summary>
        public static IReadOnlyList<SiteUptime> FromFile(string path, DateTimeOffset? from, DateTimeOffset? to)
        {
            var rows = Read(path);
            return Compute(rows, from, to);
        }

        private static List<Row> Read(string path)
        {
            var rows = new List<Row>();
            // The system would only say "access denied".
            if (Directory.Exists(path)) throw new IOException(path + " is a folder; give the history CSV file.");
            using var reader = new StreamReader(path);
            // Records, not lines: an error message with a line break is one quoted cell.
            using var records = CsvText.Records(reader).GetEnumerator();
            if (!records.MoveNext()) return rows;
            var columns = records.Current;
            int Index(string name) => columns.FindIndex(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
            int at = Index("CheckedAt"), url = Index("Url"), name = Index("Name"), state = Index("State"), maint = Index("InMaintenance"), ms = Index("ResponseTimeMs");
            if (at < 0 || url < 0 || state < 0)
            {
                throw new InvalidDataException($"'{path}' is not a Watch-Website history file: it needs the columns CheckedAt, Url and State.");
            }

            while (records.MoveNext())
            {
                var cells = records.Current;
                if (cells.Count == 1 && cells[0].Length == 0) continue;
                string Cell(int i) => i >= 0 && i < cells.Count ? cells[i] : "";
                if (!DateTimeOffset.TryParse(Cell(at), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var when)) continue;
                if (!Enum.TryParse(Cell(state), true, out SiteHealth health)) continue;
                long.TryParse(Cell(ms), NumberStyles.Integer, CultureInfo.InvariantCulture, out long responseMs);
                rows.Add(new Row
                {
                    At = when,
                    Url = Cell(url),
                    Name = Cell(name),
                    State = health,
                    InMaintenance = string.Equals(Cell(maint), "True", StringComparison.OrdinalIgnoreCase),
                    ResponseMs = responseMs,
                });
            }

            return rows;
        }

        private static IReadOnlyList<SiteUptime> Compute(List<Row> rows, DateTimeOffset? from, DateTimeOffset? to)
        {
            var report = new List<SiteUptime>();
            foreach (var site in rows.GroupBy(r => r.Url, StringComparer.Ordinal))
            {
                var checks = site.Where(r => (from == null || r.At >= from) && (to == null || r.At < to)).OrderBy(r => r.At).ToList();
                if (checks.Count == 0) continue;

                var gaps = checks.Zip(checks.Skip(1), (a, b) => b.At - a.At).ToList();
                var typicalGap = gaps.Count == 0 ? TimeSpan.Zero : gaps.OrderBy(g => g).ElementAt(gaps.Count / 2);
                TimeSpan counted = TimeSpan.Zero, down = TimeSpan.Zero, excluded = TimeSpan.Zero;
                int countedChecks = 0, downChecks = 0;
                var responses = new List<double>();
                for (int i = 0; i < checks.Count; i++)
                {
                    var row = checks[i];
                    var span = i < gaps.Count ? gaps[i] : typicalGap;
                    if (to is DateTimeOffset end && row.At + span > end) span = end - row.At;
                    if (row.InMaintenance || row.State == SiteHealth.Unknown || row.State == SiteHealth.Maintenance)
                    {
                        excluded += span;
                        continue;
                    }

                    countedChecks++;
                    counted += span;
                    responses.Add(row.ResponseMs);
                    if (row.State == SiteHealth.Down)
                    {
                        downChecks++;
                        down += span;
                    }
                }

                double uptime = counted > TimeSpan.Zero
                    ? 100.0 * (counted - down).Ticks / counted.Ticks
                    : countedChecks == 0 ? 0 : 100.0 * (countedChecks - downChecks) / countedChecks;
                var values = responses.ToArray();
                report.Add(new SiteUptime
                {
                    Url = site.Key,
                    Name = checks[checks.Count - 1].Name,
                    From = checks[0].At,
                    To = checks[checks.Count - 1].At,
                    Checks = countedChecks,
                    DownChecks = downChecks,
                    UptimePercent = Math.Round(uptime, 3),
                    Downtime = down,
                    ExcludedTime = excluded,
                    P50ResponseMs = (long)Percentiles.Of(values, 50),
                    P95ResponseMs = (long)Percentiles.Of(values, 95),
                    P99ResponseMs = (long)Percentiles.Of(values, 99),
                });
            }

            return report;
        }
    }
}
