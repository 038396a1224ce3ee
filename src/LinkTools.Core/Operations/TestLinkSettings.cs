using LinkTools.Core.Caching;
using LinkTools.Core.Checking;
using LinkTools.Core.Ci;
using LinkTools.Core.Http;
using LinkTools.Core.Reporting;
using LinkTools.Core.Triage;

namespace LinkTools.Core.Operations
{
    /// <summary>What Test-Link and `linktools check` were asked to do. Immutable; its parts check their values as they are built.</summary>
    public sealed record TestLinkSettings
    {
        public EngineOptions Engine { get; init; } = new EngineOptions();

        /// <summary>How each link's answer is judged: the method links are asked with and the status codes accepted.</summary>
        public CheckPolicy Checks { get; init; } = CheckPolicy.Default;

        /// <summary>Emit one Boolean at the end (true when nothing is broken) instead of a result per URL.</summary>
        public bool Quiet { get; init; }

        /// <summary>Most URLs queued but not yet written out; input waits beyond it, so memory stays bounded.</summary>
        public int MaxOutstanding { get; init; }

        /// <summary>Annotations for the CI agent the run is under (see CiDetector); null outside CI.</summary>
        public CiAnnotations? Ci { get; init; }

        /// <summary>Baseline and suppressions to compare broken links with; null for none.</summary>
        public ResultTriage? Triage { get; init; }

        /// <summary>Results kept between runs (-CachePath); null for none.</summary>
        public ResultCacheSettings? Cache { get; init; }
    }
}
