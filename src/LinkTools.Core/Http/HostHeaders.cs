using System;
using System.Collections.Generic;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// Headers meant for one host only (a token for an API host during a crawl): keyed by host, host:port, or an origin
    /// (https://host[:port]), and sent to requests for that host and nowhere else, whatever the trusted origins are.
    /// </summary>
    internal sealed class HostHeaders
    {
        private readonly List<(Matcher Key, IReadOnlyDictionary<string, string> Headers)> _entries = new();

        public HostHeaders(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byHost)
        {
            foreach (var entry in byHost)
            {
                if (entry.Value.Count > 0) _entries.Add((Matcher.Parse(entry.Key) ?? throw new ArgumentException(InvalidKey(entry.Key), nameof(EngineOptions.HostHeaders)), entry.Value));
            }
        }

        public bool IsEmpty => _entries.Count == 0;

        /// <summary>The headers for <paramref name="uri"/>'s host, in the order given.</summary>
        public IEnumerable<KeyValuePair<string, string>> For(Uri uri)
        {
            foreach (var (key, headers) in _entries)
            {
                if (!key.Matches(uri)) continue;
                foreach (var header in headers) yield return header;
            }
        }

        /// <summary>Null when <paramref name="key"/> is a host, host:port or http(s) origin; otherwise why not.</summary>
        public static string? KeyProblem(string key) => Matcher.Parse(key) == null ? InvalidKey(key) : null;

        private static string InvalidKey(string key) =>
            $"'{Text.ConsoleText.Neutralize(key)}' is not a host, host:port or http(s) origin (such as api.example.com, 127.0.0.1:8080 or https://api.example.com).";

        private sealed class Matcher
        {
            private string? _scheme;
            private string _host = "";
            private int? _port;

            public bool Matches(Uri uri) =>
                string.Equals(uri.Host, _host, StringComparison.OrdinalIgnoreCase) &&
                (_port == null || uri.Port == _port) &&
                (_scheme == null || string.Equals(uri.Scheme, _scheme, StringComparison.OrdinalIgnoreCase));

            public static Matcher? Parse(string key)
            {
                key = key.Trim();
                if (key.IndexOf("://", StringComparison.Ordinal) > 0)
                {
                    if (!Uri.TryCreate(key, UriKind.Absolute, out var origin) || (origin.Scheme != Uri.UriSchemeHttp && origin.Scheme != Uri.UriSchemeHttps) ||
                        origin.PathAndQuery != "/" || origin.UserInfo.Length > 0)
                    {
                        return null;
                    }

                    return new Matcher { _scheme = origin.Scheme, _host = origin.Host, _port = origin.Port };
                }

                // A bare host or host:port reads as the authority of an http URL.
                if (key.Length == 0 || key.IndexOfAny(new[] { '/', '?', '#', '@', ' ' }) >= 0 || !Uri.TryCreate("http://" + key + "/", UriKind.Absolute, out var parsed)) return null;
                bool portGiven = key.EndsWith("]", StringComparison.Ordinal) ? false : key.LastIndexOf(':') > key.LastIndexOf(']');
                return new Matcher { _host = parsed.Host, _port = portGiven ? parsed.Port : null };
            }
        }
    }
}
