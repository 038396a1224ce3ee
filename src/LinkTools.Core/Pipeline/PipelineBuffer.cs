using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace LinkTools.Core.Pipeline
{
    /// <summary>
    /// Output written from worker threads and handed to the sink on the pipeline thread, because PowerShell
    /// allows WriteObject and friends only there. Work that must run there too (a watch's finished check goes through
    /// -Condition script and the state machine) is posted into the same queue, so it keeps its place among the output.
    /// </summary>
    public sealed class PipelineBuffer
    {
        private enum Kind { Object, Error, Warning, Verbose, Information, Work }

        private readonly struct Item
        {
            public Item(Kind kind, object payload, string[]? tags = null)
            {
                ItemKind = kind;
                Payload = payload;
                Tags = tags;
            }

            public Kind ItemKind { get; }
            public object Payload { get; }
            public string[]? Tags { get; }
        }

        private readonly Channel<Item> _items = Channel.CreateUnbounded<Item>(new UnboundedChannelOptions { SingleReader = true });
        private int _objectsWritten;

        /// <summary>Objects handed to the sink so far.</summary>
        public int ObjectsDrained => _objectsWritten;

        public void WriteObject(object item) => _items.Writer.TryWrite(new Item(Kind.Object, item));

        public void WriteError(PipelineError error) => _items.Writer.TryWrite(new Item(Kind.Error, error));

        public void WriteWarning(string message) => _items.Writer.TryWrite(new Item(Kind.Warning, message));

        public void WriteVerbose(string message) => _items.Writer.TryWrite(new Item(Kind.Verbose, message));

        public void WriteInformation(string message, params string[] tags) => _items.Writer.TryWrite(new Item(Kind.Information, message, tags));

        /// <summary>Runs <paramref name="work"/> on the pipeline thread when the pump reaches it; what it writes follows at once.</summary>
        public void Post(Action work) => _items.Writer.TryWrite(new Item(Kind.Work, work));

        /// <summary>Hands everything buffered so far to the sink, and runs posted work, without waiting. Pipeline thread only.</summary>
        public void DrainTo(IPipelineSink sink)
        {
            while (_items.Reader.TryRead(out var item))
            {
                switch (item.ItemKind)
                {
                    case Kind.Object:
                        _objectsWritten++;
                        sink.WriteObject(item.Payload);
                        break;
                    case Kind.Error:
                        sink.WriteError((PipelineError)item.Payload);
                        break;
                    case Kind.Warning:
                        sink.WriteWarning((string)item.Payload);
                        break;
                    case Kind.Verbose:
                        sink.WriteVerbose((string)item.Payload);
                        break;
                    case Kind.Information:
                        sink.WriteInformation((string)item.Payload, item.Tags ?? Array.Empty<string>());
                        break;
                    case Kind.Work:
                        ((Action)item.Payload)();
                        break;
                }
            }
        }

        /// <summary>Ends a wait for output when <paramref name="work"/> ends, output or not, so the pipeline thread sees at once that it is over.</summary>
        public void WakeWhen(Task work) =>
            work.ContinueWith(_ => Post(() => { }), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        /// <summary>Blocks up to <paramref name="timeout"/> for output to arrive. Pipeline thread only.</summary>
        public void WaitForOutput(TimeSpan timeout, CancellationToken cancellationToken) => ChannelWait.ForItem(_items.Reader, timeout, cancellationToken);
    }
}
