using LinkTools.Core.Checking;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Operations
{
    /// <summary>
    /// Test-Link -Quiet's host side: link results stop here, everything else (the closing $true or $false, errors,
    /// warnings) passes. It sits inside the CI filter, so broken links are still annotated.
    /// </summary>
    internal sealed class QuietSink : IPipelineSink
    {
        private readonly IPipelineSink _inner;

        public QuietSink(IPipelineSink inner) => _inner = inner;

        public bool IsVerboseEnabled => _inner.IsVerboseEnabled;

        public void WriteObject(object item)
        {
            if (!(item is LinkResult)) _inner.WriteObject(item);
        }

        public void WriteError(PipelineError error) => _inner.WriteError(error);

        public void WriteWarning(string message) => _inner.WriteWarning(message);

        public void WriteVerbose(string message) => _inner.WriteVerbose(message);

        public void WriteDebug(string message) => _inner.WriteDebug(message);

        public void WriteInformation(object messageData, string[] tags) => _inner.WriteInformation(messageData, tags);

        public void WriteProgress(ProgressInfo progress) => _inner.WriteProgress(progress);
    }
}
