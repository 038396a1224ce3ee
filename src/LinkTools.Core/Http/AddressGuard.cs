using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Refuses requests to hosts that resolve to loopback, link-local, private or unique-local addresses, so untrusted
    /// content cannot steer the engine at internal services (cloud metadata at 169.254.169.254, admin consoles).
    /// </summary>
    /// <remarks>
    /// netstandard2.0 has no hook into the handler's own connect (SocketsHttpHandler.ConnectCallback is .NET 5+), so the
    /// host is resolved here and again by the handler when it connects. A DNS server that answers differently the second
    /// time (rebinding) can slip past; IP-literal URLs, the usual form of such attacks in pages, cannot.
    /// </remarks>
    internal sealed class AddressGuard
    {
        /// <summary>Resolves a host name; replaceable so tests never query real DNS.</summary>
        internal Func<string, CancellationToken, Task<IPAddress[]>> Resolve { get; set; } = ResolveAsync;

        /// <summary>Classifies an address (see <see cref="PrivateAddresses.Classify"/>); replaceable so tests can play a public host on loopback.</summary>
        internal Func<IPAddress, string?> Classify { get; set; } = PrivateAddresses.Classify;

        /// <summary>Why <paramref name="uri"/> must not be requested, or null when it may be.</summary>
        public async Task<(FailureKind Kind, string Reason)?> RefusalAsync(Uri uri, CancellationToken cancellationToken)
        {
            // The host the handler connects to: mapped as UTS 46 does ('127。0。0。1' is 127.0.0.1), then punycode.
            string host = HostMapping.Apply(uri).IdnHost;
            IPAddress[] addresses;
            if (IPAddress.TryParse(host, out var literal))
            {
                addresses = new[] { literal };
            }
            else
            {
                try
                {
                    addresses = await Resolve(host, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is SocketException || ex is ArgumentException)
                {
                    // A name the guard cannot resolve is one it cannot vouch for, and the handler may still reach it (by
                    // another resolver, or another spelling): it is not requested. Broken as the request itself would be.
                    return (FailureKind.Dns, $"DNS name not found: {host}; with private addresses excluded, a host that cannot be resolved is not requested");
                }
            }

            // Any private answer refuses the host: the handler may connect to whichever address it likes.
            foreach (var address in addresses)
            {
                string? kind = Classify(address);
                if (kind != null)
                {
                    return (FailureKind.PrivateAddress, $"{host} resolves to {address}, a {kind} address; private addresses are excluded");
                }
            }

            return null;
        }

        private static async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
        {
            // Dns has no cancellable overload on netstandard2.0: stop waiting on cancellation and let the lookup finish alone.
            var lookup = Dns.GetHostAddressesAsync(host);
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetResult(true)))
            {
                if (await Task.WhenAny(lookup, cancelled.Task).ConfigureAwait(false) != lookup)
                {
                    // Observe the abandoned lookup's fault so it never surfaces as an unobserved task exception.
                    _ = lookup.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            return await lookup.ConfigureAwait(false);
        }
    }
}
