using System;
using System.IO;

namespace LinkTools.Core.Crawling
{
    /// <summary>A read-only stream that fails once more than a set number of bytes is read: guards against gzip bombs.</summary>
    internal sealed class CappedStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _cap;
        private long _read;

        public CappedStream(Stream inner, long cap)
        {
            _inner = inner;
            _cap = cap;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = _inner.Read(buffer, offset, count);
            _read += n;
            if (_read > _cap) throw new InvalidDataException($"the sitemap expands to more than {_cap} bytes");
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
