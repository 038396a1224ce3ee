using System;
using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace LinkTools.Core.Monitoring.Checks
{
    /// <summary>
    /// Reads when a server's TLS certificate expires, with a separate handshake (the HTTP check's own trust
    /// decision is left alone). One probe per host:port per cache period, so it adds almost no traffic.
    /// </summary>
    public sealed class CertificateProbe
    {
        private readonly ConcurrentDictionary<string, Lazy<Task<DateTimeOffset?>>> _cache = new(StringComparer.OrdinalIgnoreCase);
        private readonly ConcurrentDictionary<string, DateTimeOffset> _probedAt = new(StringComparer.OrdinalIgnoreCase);
        private readonly TimeSpan _timeout;
        private readonly TimeSpan _cacheFor;

        public CertificateProbe(TimeSpan timeout, TimeSpan cacheFor)
        {
            _timeout = timeout;
            _cacheFor = cacheFor;
        }

        /// <summary>The certificate's expiry for an https URL, or null when it could not be read.</summary>
        public async Task<DateTimeOffset?> ExpiryAsync(Uri uri, DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (uri.Scheme != Uri.UriSchemeHttps) return null;
            string key = uri.Host + ":" + uri.Port;
            if (_probedAt.TryGetValue(key, out var at) && now - at > _cacheFor)
            {
                _cache.TryRemove(key, out _);
            }

            var lazy = _cache.GetOrAdd(key, _ =>
            {
                _probedAt[key] = now;
                return new Lazy<Task<DateTimeOffset?>>(() => ProbeAsync(uri.IdnHost, uri.Port));
            });
            var probe = lazy.Value;
            var expiry = await TaskWaits.WithCancellation(probe, cancellationToken).ConfigureAwait(false);
            if (expiry == null) _cache.TryRemove(key, out _); // try again next check rather than caching a failure
            return expiry;
        }

        private async Task<DateTimeOffset?> ProbeAsync(string host, int port)
        {
            using var client = new TcpClient();
            using var deadline = new CancellationTokenSource(_timeout);
            using (deadline.Token.Register(client.Dispose))
            {
                try
                {
                    await client.ConnectAsync(host, port).ConfigureAwait(false);
                    X509Certificate2? seen = null;
                    using var tls = new SslStream(client.GetStream(), leaveInnerStreamOpen: false, (_, certificate, _, _) =>
                    {
                        // Only the expiry is read here; trust is the HTTP check's decision.
                        if (certificate != null) seen = new X509Certificate2(certificate);
                        return true;
                    });
                    await tls.AuthenticateAsClientAsync(host).ConfigureAwait(false);
                    return seen == null ? (DateTimeOffset?)null : new DateTimeOffset(seen.NotAfter.ToUniversalTime(), TimeSpan.Zero);
                }
                catch (Exception ex) when (ex is SocketException || ex is System.IO.IOException || ex is ObjectDisposedException || ex is System.Security.Authentication.AuthenticationException || ex is InvalidOperationException)
                {
                    return null;
                }
            }
        }
    }
}
