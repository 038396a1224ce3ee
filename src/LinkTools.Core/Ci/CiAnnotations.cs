using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Ci
{
    /// <summary>Turns results and progress into one agent's annotation lines. Thread-safe: it holds no mutable state.</summary>
    public sealed class CiAnnotations
    {
        private readonly CiAnnotator _annotator;
        private readonly ReportRowAdapters _adapters;

        public CiAnnotations(CiAnnotator annotator, ReportRowAdapters? adapters = null)
        {
            _annotator = annotator;
            _adapters = adapters ?? ReportRowAdapters.Default;
        }

        public CiAnnotator Annotator => _annotator;

        /// <summary>The error line for a failed result (a broken link, a down site), or null for anything else.</summary>
        public string? ErrorFor(object result)
        {
            if (!_adapters.TryConvert(result, out var row) || row.Outcome != ReportOutcome.Failed) return null;
            var url = UrlText.Redact(row.Url);
            var source = row.Source.Length > 0 ? UrlText.Redact(row.Source) : url;
            var reason = row.Reason.Length > 0 ? row.Reason : row.StatusCode?.ToString() ?? "";
            var where = row.Source.Length > 0 ? $" on {source}" : "";
            var message = $"{url}{where}: {reason}".TrimEnd(' ', ':');
            return _annotator.Error(source, row.Origin == "Watch" ? "Site down" : "Broken link", message);
        }

        public string? ProgressFor(ProgressInfo progress) =>
            progress.PercentComplete < 0 ? null : _annotator.Progress(progress.Completed ? 100 : progress.PercentComplete, progress.Activity);
    }
}
