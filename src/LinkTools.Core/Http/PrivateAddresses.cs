using System.Net;
using System.Net.Sockets;

namespace LinkTools.Core.Http
{
    /// <summary>Which IP addresses belong to the machine or its private networks rather than the public internet.</summary>
    public static class PrivateAddresses
    {
        /// <summary>The kind of private range <paramref name="address"/> is in, or null for a public address.</summary>
        public static string? Classify(IPAddress address)
        {
            if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.IsIPv4MappedToIPv6)
            {
                // ::ffff:10.0.0.1 reaches 10.0.0.1: judge the IPv4 address inside.
                address = address.MapToIPv4();
            }

            if (IPAddress.IsLoopback(address)) return "loopback";
            return address.AddressFamily == AddressFamily.InterNetwork ? ClassifyV4(address.GetAddressBytes()) : ClassifyV6(address);
        }

        public static bool IsPrivate(IPAddress address) => Classify(address) != null;

        private static string? ClassifyV4(byte[] b)
        {
            if (b[0] == 0) return "this-network (0.0.0.0/8, reaches the local machine)";
            if (b[0] == 10) return "private (RFC 1918)";
            if (b[0] == 172 && b[1] >= 16 && b[1] <= 31) return "private (RFC 1918)";
            if (b[0] == 192 && b[1] == 168) return "private (RFC 1918)";
            if (b[0] == 169 && b[1] == 254) return "link-local (cloud metadata services live here)";
            // Shared address space: carrier NAT, and some clouds' metadata services (100.100.100.200).
            if (b[0] == 100 && b[1] >= 64 && b[1] <= 127) return "shared (RFC 6598)";
            return null;
        }

        private static string? ClassifyV6(IPAddress address)
        {
            if (address.Equals(IPAddress.IPv6Any)) return "unspecified (reaches the local machine)";
            if (address.IsIPv6LinkLocal) return "link-local";
            if (address.IsIPv6SiteLocal) return "site-local";
            byte first = address.GetAddressBytes()[0];
            if ((first & 0xFE) == 0xFC) return "unique-local (fc00::/7)";
            return null;
        }
    }
}
