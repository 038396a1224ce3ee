using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>
    /// Checks a URL that should always answer (-CanaryUri). When it fails too, a failed check says more about
    /// the monitor's own network than about the site. One fetch serves every failed check within a few seconds.
    /// </summary>
    public sealed class CanaryProbe
    {
        private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(5);
        private readonly FetchEngine _engine;
        private readonly CheckPolicy _policy;
        private readonly object _gate = new();
        private Task<bool>? _last;
        private DateTime _lastStarted;

        /// <param name="policy">The watch's own (<see cref="SiteCheckPolicy.Answers"/>); <see cref="CheckPolicy.Default"/> when null.</param>
        public CanaryProbe(FetchEngine engine, Uri uri, CheckPolicy? policy = null)
        {
            _engine = engine;
            _policy = policy ?? CheckPolicy.Default;
            Uri = uri;
        }

        public Uri Uri { get; }

        public Task<bool> IsUpAsync(CancellationToken cancellationToken)
        {
            lock (_gate)
            {
                if (_last == null || DateTime.UtcNow - _lastStarted > Fresh || _last.IsCanceled)
                {
                    _lastStarted = DateTime.UtcNow;
                    _last = ProbeAsync(cancellationToken);
                }

                return _last;
            }
        }

        private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
        {
            var outcome = await _engine.ProbeAsync(Uri, _policy, cancellationToken).ConfigureAwait(false);
            return outcome.StatusCode is int code && code < 400;
        }
    }
}
