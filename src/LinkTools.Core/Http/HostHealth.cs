using System;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// A host's recent answers and failures, over about the last two seconds (two one-second buckets). Not thread-safe:
    /// the host gate calls it under its lock.
    /// </summary>
    internal sealed class HostHealth
    {
        public static readonly TimeSpan Window = TimeSpan.FromSeconds(2);
        private static readonly long BucketTicks = Window.Ticks / 2;
        private long _bucketStart;
        private int _failures;
        private int _answers;
        private int _previousFailures;
        private int _previousAnswers;

        public int Failures(long now)
        {
            Roll(now);
            return _failures + _previousFailures;
        }

        public int Answers(long now)
        {
            Roll(now);
            return _answers + _previousAnswers;
        }

        public void Record(bool failed, long now)
        {
            Roll(now);
            if (failed) _failures++;
            else _answers++;
        }

        public void Clear()
        {
            _failures = _answers = _previousFailures = _previousAnswers = 0;
        }

        private void Roll(long now)
        {
            long age = now - _bucketStart;
            if (age < BucketTicks) return;
            if (age < 2 * BucketTicks)
            {
                _previousFailures = _failures;
                _previousAnswers = _answers;
            }
            else
            {
                _previousFailures = _previousAnswers = 0;
            }

            _failures = _answers = 0;
            _bucketStart = now;
        }
    }
}
