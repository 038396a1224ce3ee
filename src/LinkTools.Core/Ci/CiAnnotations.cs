using System;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;
using LinkTools.Core.Urls;
using LinkTools.Model.Monitoring;

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

        /// <summary>Annotations for the CI agent the environment names, or null outside CI.</summary>
        public static CiAnnotations? Detect(Func<string, string?>? getVariable = null)
        {
            var annotator = CiDetector.Detect(getVariable == null ? CiDetector.ProcessEnvironment() : CiDetector.Environment(getVariable));
            return annotator == null ? null : new CiAnnotations(annotator);
        }

        /// <summary>The error line for a site that went Down. Site text is neutralised so it cannot add commands.</summary>
        public string DownLine(SiteStateChange change) =>
            _annotator.Error(change.Url, change.Name + " is Down", string.IsNullOrEmpty(change.Error) ? change.Reason.ToString() : change.Error);

        /// <summary>
        /// The error line for an output object: a failed link result (a broken link), or a site confirmed Down with an
        /// alert; null for anything else (a single failed check is not yet an outage).
        /// </summary>
        public string? ErrorFor(object result)
        {
            if (result is SiteStateChange change) return change.Alerted && change.To == SiteHealth.Down ? DownLine(change) : null;
            if (result is SiteCheckResult) return null;
            if (!_adapters.TryConvert(result, out var row) || row.Outcome != ReportOutcome.Failed) return null;
            var url = UrlText.Redact(row.Url);
            var source = row.Source.Length > 0 ? UrlText.Redact(row.Source) : url;
            var reason = row.Reason.Length > 0 ? row.Reason : row.StatusCode?.ToString() ?? "";
            var where = row.Source.Length > 0 ? $" on {source}" : "";
            var message = $"{url}{where}: {reason}".TrimEnd(' ', ':');
            return _annotator.Error(source, "Broken link", message);
        }

        public string? ProgressFor(ProgressInfo progress) =>
            progress.PercentComplete < 0 ? null : _annotator.Progress(progress.Completed ? 100 : progress.PercentComplete, progress.Activity);
    }
}
