using System.Collections.Generic;
using LinkTools.Core.Crawling;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Model.Crawling;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.History;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// Rows read back from a file for the result types without a Status column: Watch-Website's checks (its
    /// -HistoryPath file, or -PassThru results through Export-Csv), its state changes, Get-WebsiteUptime's sites and
    /// Invoke-SiteCrawl's orphan pages. Each is rebuilt as the result it was and reported by that type's own adapter,
    /// so a row read back is reported exactly as the object was.
    /// </summary>
    public sealed class ImportedResultRowAdapter : IReportRowAdapter
    {
        private readonly ReportRowAdapters _typed = new ReportRowAdapters(new IReportRowAdapter[]
        {
            new SiteCheckResultRowAdapter(), new SiteStateChangeRowAdapter(), new SiteUptimeRowAdapter(), new OrphanPageRowAdapter(),
        });

        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is IDictionary<string, object?> values)) return false;
            var bag = new PropertyBag(values);
            if (!bag.Has("Url") || bag.Has("Status")) return false;
            var result = Rebuild(bag);
            return result != null && _typed.TryConvert(result, out row);
        }

        private static object? Rebuild(PropertyBag bag)
        {
            if (bag.Enum<SiteHealth>("To") is SiteHealth to && bag.Date("At") is { } at)
            {
                return new SiteStateChange
                {
                    At = at, Url = bag.Text("Url"), Name = bag.Text("Name"), To = to,
                    From = bag.Enum<SiteHealth>("From") ?? SiteHealth.Unknown,
                    Reason = bag.Enum<StateChangeReason>("Reason") ?? default,
                    StatusCode = bag.Int("StatusCode"),
                    FailureKind = bag.Enum<WatchFailureKind>("FailureKind") ?? WatchFailureKind.None,
                    Error = bag.Text("Error"),
                    ResponseTimeMs = bag.Long("ResponseTimeMs") ?? 0,
                };
            }

            if (bag.Enum<SiteHealth>("State") is SiteHealth state && bag.Date("CheckedAt") is { } checkedAt)
            {
                return new SiteCheckResult
                {
                    CheckedAt = checkedAt, Url = bag.Text("Url"), Name = bag.Text("Name"), State = state,
                    ConfirmedState = bag.Enum<SiteHealth>("ConfirmedState") ?? state,
                    StatusCode = bag.Int("StatusCode"),
                    FailureKind = bag.Enum<WatchFailureKind>("FailureKind") ?? WatchFailureKind.None,
                    Error = bag.Text("Error"),
                    ResponseTimeMs = bag.Long("ResponseTimeMs") ?? 0,
                };
            }

            if (bag.Double("UptimePercent") is double percent && bag.Int("Checks") is int checks)
            {
                return new SiteUptime
                {
                    Url = bag.Text("Url"), Name = bag.Text("Name"), UptimePercent = percent, Checks = checks,
                    DownChecks = bag.Int("DownChecks") ?? 0,
                    From = bag.Date("From") ?? default, To = bag.Date("To") ?? default,
                    Downtime = bag.Span("Downtime") ?? default, ExcludedTime = bag.Span("ExcludedTime") ?? default,
                    P50ResponseMs = bag.Long("P50ResponseMs") ?? 0, P95ResponseMs = bag.Long("P95ResponseMs") ?? 0, P99ResponseMs = bag.Long("P99ResponseMs") ?? 0,
                };
            }

            if (bag.Enum<OrphanKind>("Kind") is OrphanKind kind)
            {
                return new OrphanPage { Url = bag.Text("Url"), Kind = kind, Reason = bag.Text("Reason") };
            }

            return null;
        }
    }
}
