using LinkTools.Core.Pipeline;

namespace LinkTools.Core.Ci
{
    /// <summary>
    /// Passes everything on and adds the agent's annotations beside it: an error line after each failed result and
    /// a progress line when the percentage moves. The lines go to the information stream with
    /// <see cref="CiAnnotator.InformationTag"/>, never into the object pipeline. <see cref="PipelineOperation"/> puts it
    /// in every operation's route, once.
    /// </summary>
    public sealed class CiAnnotatingSink : DelegatingSink
    {
        private readonly CiAnnotations _annotations;
        private int _lastPercent = -1;

        public CiAnnotatingSink(IPipelineSink inner, CiAnnotations annotations) : base(inner)
        {
            _annotations = annotations;
        }

        /// <summary>The sink itself when no agent was detected, so callers need no branch.</summary>
        public static IPipelineSink Wrap(IPipelineSink sink, CiAnnotations? annotations) =>
            annotations == null ? sink : new CiAnnotatingSink(sink, annotations);

        public override void WriteObject(object item)
        {
            Inner.WriteObject(item);
            Annotate(_annotations.ErrorFor(item));
        }

        public override void WriteProgress(ProgressInfo progress)
        {
            Inner.WriteProgress(progress);
            int percent = progress.Completed ? 100 : progress.PercentComplete;
            if (percent < 0 || percent == _lastPercent) return;
            _lastPercent = percent;
            Annotate(_annotations.ProgressFor(progress));
        }

        private void Annotate(string? line)
        {
            if (line != null) Inner.WriteInformation(line, new[] { CiAnnotator.InformationTag });
        }
    }
}
