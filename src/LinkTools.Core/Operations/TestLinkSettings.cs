using LinkTools.Core.Caching;
using LinkTools.Core.Ci;
using LinkTools.Core.Http;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;

namespace LinkTools.Core.Operations
{
    /// <summary>What Test-Link and `linktools check` were asked to do.</summary>
    public sealed class TestLinkSettings
    {
        public EngineOptions Engine { get; set; } = new EngineOptions();

        /// <summary>Emit one Boolean at the end (true when nothing is broken) instead of a result per URL.</summary>
        public bool Quiet { get; set; }

        /// <summary>Most URLs queued but not yet written out; input waits beyond it, so memory stays bounded.</summary>
        public int MaxOutstanding { get; set; }

        /// <summary>Annotations for the CI agent the run is under (see CiDetector); null outside CI.</summary>
        public CiAnnotations? Ci { get; set; }

        /// <summary>Baseline and suppressions to compare broken links with; null for none.</summary>
        public ResultTriage? Triage { get; set; }

        /// <summary>Results kept between runs (-CachePath); null for none.</summary>
        public ResultCacheSettings? Cache { get; set; }
    }
}
