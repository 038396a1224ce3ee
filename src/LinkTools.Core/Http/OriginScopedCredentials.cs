using System;
using System.Collections.Concurrent;
using System.Net;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Hands credentials only to origins the run trusts, so a redirect to another host never receives them.
    /// </summary>
    internal sealed class OriginScopedCredentials : ICredentials
    {
        private readonly ICredentials _inner;
        private readonly TrustedOrigins _origins;

        public OriginScopedCredentials(ICredentials inner, TrustedOrigins origins)
        {
            _inner = inner;
            _origins = origins;
        }

        public NetworkCredential? GetCredential(Uri uri, string authType) =>
            _origins.Contains(uri) ? _inner.GetCredential(uri, authType) : null;
    }

    /// <summary>The origins (scheme, host, port) that may receive the run's headers and credentials.</summary>
    public sealed class TrustedOrigins
    {
        private readonly ConcurrentDictionary<string, byte> _origins = new(StringComparer.OrdinalIgnoreCase);

        public void Add(Uri uri) => _origins.TryAdd(OriginOf(uri), 0);

        public bool Contains(Uri uri) => _origins.ContainsKey(OriginOf(uri));

        /// <summary>The origin as the engine connects to it: the host mapped (see <see cref="Urls.HostMapping"/>).</summary>
        public static string OriginOf(Uri uri) => Urls.HostMapping.Apply(uri).GetLeftPart(UriPartial.Authority);

        /// <summary>
        /// Whether <paramref name="to"/> is <paramref name="from"/> upgraded: http to https on the same host, both on their
        /// default ports. Nothing else (another port or host, https to http) may inherit an origin's trust.
        /// </summary>
        public static bool IsUpgrade(Uri from, Uri to) =>
            from.Scheme == Uri.UriSchemeHttp && from.IsDefaultPort &&
            to.Scheme == Uri.UriSchemeHttps && to.IsDefaultPort &&
            string.Equals(from.IdnHost, to.IdnHost, StringComparison.OrdinalIgnoreCase);
    }
}
