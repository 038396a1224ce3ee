using LinkTools.Core.Http;

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
    }
}
