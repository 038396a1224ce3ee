using System;

namespace LinkTools.Core.Pipeline
{
    /// <summary>The categories used by LinkTools errors; the names match PowerShell's ErrorCategory.</summary>
    public enum PipelineErrorCategory
    {
        NotSpecified,
        InvalidArgument,
        InvalidData,
        ObjectNotFound,
        OperationStopped,
        ReadError,
        WriteError,
        ConnectionError,
        ResourceUnavailable,
        OperationTimeout,
    }

    /// <summary>An error for bad input or an internal failure, shaped like PowerShell's ErrorRecord. Broken links are never errors.</summary>
    public sealed class PipelineError
    {
        public PipelineError(Exception exception, string errorId, PipelineErrorCategory category, object? targetObject)
        {
            Exception = exception;
            ErrorId = errorId;
            Category = category;
            TargetObject = targetObject;
        }

        public Exception Exception { get; }
        public string ErrorId { get; }
        public PipelineErrorCategory Category { get; }
        public object? TargetObject { get; }

        public override string ToString() => $"{ErrorId}: {Exception.Message}";
    }
}
