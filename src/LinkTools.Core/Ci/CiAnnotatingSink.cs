using LinkTools.Core.Pipeline;

namespace LinkTools.Core.Ci
{
    /// <summary>
    /// Passes everything on and adds the agent's annotations beside it: an error line after each failed result and
    /// a progress line when the percentage moves. The lines go to the information stream with
    /// <see cref="CiAnnotator.InformationTag"/>, never into the object pipeline. Any operation opts in with one line:
    /// <c>sink = CiAnnotatingSink.Wrap(sink, settings.Ci)</c>.
    /// </summary>
    public sealed class CiAnnotatingSink : IPipelineSink
    {
        private readonly IPipelineSink _inner;
        private readonly CiAnnotations _annotations;
        private int _lastPercent = -1;

        public CiAnnotatingSink(IPipelineSink inner, CiAnnotations annotations)
        {
            _inner = inner;
            _annotations = annotations;
        }

        /// <summary>The sink itself when no agent was detected, so callers need no branch.</summary>
        public static IPipelineSink Wrap(IPipelineSink sink, CiAnnotations? annotations) =>
            annotations == null ? sink : new CiAnnotatingSink(sink, annotations);

        public bool IsVerboseEnabled => _inner.IsVerboseEnabled;

        public void WriteObject(object item)
        {
            _inner.WriteObject(item);
            Annotate(_annotations.ErrorFor(item));
        }

        public void WriteError(PipelineError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public void WriteInformation(object messageData, string[] tags) => _inner.WriteInformation(messageData, tags);

        public void WriteProgress(ProgressInfo progress)
        {
            _inner.WriteProgress(progress);
            int percent = progress.Completed ? 100 : progress.PercentComplete;
            if (percent < 0 || percent == _lastPercent) return;
            _lastPercent = percent;
            Annotate(_annotations.ProgressFor(progress));
        }

        private void Annotate(string? line)
        {
            if (line != null) _inner.WriteInformation(line, new[] { CiAnnotator.InformationTag });
        }
    }
}
