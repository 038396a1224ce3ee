namespace LinkTools.Core.Pipeline
{
    /// <summary>
    /// A sink that passes every write on to the next one, as DelegatingHandler does for requests: a filter overrides
    /// only the writes it changes (the CI annotations, -Quiet, a report), so each stays one small type.
    /// </summary>
    public abstract class DelegatingSink : IPipelineSink
    {
        protected DelegatingSink(IPipelineSink inner) => Inner = inner;

        /// <summary>The next sink, toward the host.</summary>
        protected IPipelineSink Inner { get; }

        public virtual bool IsVerboseEnabled => Inner.IsVerboseEnabled;

        public virtual void WriteObject(object item) => Inner.WriteObject(item);

        public virtual void WriteError(PipelineError error) => Inner.WriteError(error);

        public virtual void WriteWarning(string message) => Inner.WriteWarning(message);

        public virtual void WriteVerbose(string message) => Inner.WriteVerbose(message);

        public virtual void WriteDebug(string message) => Inner.WriteDebug(message);

        public virtual void WriteInformation(object messageData, string[] tags) => Inner.WriteInformation(messageData, tags);

        public virtual void WriteProgress(ProgressInfo progress) => Inner.WriteProgress(progress);
    }
}
