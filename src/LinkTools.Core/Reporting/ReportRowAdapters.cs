using System.Collections.Generic;

namespace LinkTools.Core.Reporting
{
    /// <summary>Every result type a report understands. A new result type adds its adapter to <see cref="Default"/>.</summary>
    public sealed class ReportRowAdapters
    {
        private readonly IReadOnlyList<IReportRowAdapter> _adapters;

        public ReportRowAdapters(IReadOnlyList<IReportRowAdapter> adapters) => _adapters = adapters;

        /// <summary>Typed results first; property bags (rows read back from files) last, those without a Status column first.</summary>
        public static ReportRowAdapters Default { get; } = new ReportRowAdapters(new IReportRowAdapter[]
        {
            new LinkResultRowAdapter(),
            new CrawlResultRowAdapter(),
            new OrphanPageRowAdapter(),
            new SiteCheckResultRowAdapter(),
            new SiteStateChangeRowAdapter(),
            new SiteUptimeRowAdapter(),
            new ImportedResultRowAdapter(),
            new PropertyBagRowAdapter(),
        });

        public bool TryConvert(object? item, out ReportRow row)
        {
            row = null!;
            if (item == null) return false;
            foreach (var adapter in _adapters)
            {
                if (adapter.TryConvert(item, out row)) return true;
            }

            return false;
        }
    }
}
