using LinkTools.Core.Checking;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Operations
{
    /// <summary>
    /// Test-Link -Quiet's host side: link results stop here, everything else (the closing $true or $false, errors,
    /// warnings) passes. It sits inside the CI filter, so broken links are still annotated.
    /// </summary>
    internal sealed class QuietSink : DelegatingSink
    {
        public QuietSink(IPipelineSink inner) : base(inner)
        {
        }

        public override void WriteObject(object item)
        {
            if (!(item is LinkResult)) Inner.WriteObject(item);
        }
    }
}
