using System;
using System.Net.Http;
using System.Net.Http.Headers;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// A response's ETag and Last-Modified: what a later request sends back (If-None-Match, If-Modified-Since) to be
    /// answered 304 when the page has not changed. Only a well-formed entity tag of printable ASCII is kept, bounded in
    /// length: it is the server's text and goes into the cache file and back onto the wire.
    /// </summary>
    public sealed class PageValidators
    {
        /// <summary>Longest entity tag kept; a longer one is not a validator worth storing.</summary>
        public const int MaxETagLength = 256;

        public PageValidators(string? eTag, DateTimeOffset? lastModified)
        {
            ETag = IsUsableETag(eTag) ? eTag : null;
            LastModified = lastModified;
        }

        /// <summary>The entity tag as sent, quotes and W/ prefix included; null when there was none usable.</summary>
        public string? ETag { get; }

        public DateTimeOffset? LastModified { get; }

        public bool IsEmpty => ETag == null && LastModified == null;

        /// <summary>The validators of a response, or null when it has neither.</summary>
        internal static PageValidators? Of(HttpResponseMessage response)
        {
            string? tag = response.Headers.ETag?.ToString();
            DateTimeOffset? modified = response.Content?.Headers.LastModified;
            var validators = new PageValidators(tag, modified);
            return validators.IsEmpty ? null : validators;
        }

        /// <summary>Adds If-None-Match and If-Modified-Since (a server prefers the first when it knows both).</summary>
        internal void AddTo(HttpRequestMessage request)
        {
            if (ETag != null && EntityTagHeaderValue.TryParse(ETag, out var tag)) request.Headers.IfNoneMatch.Add(tag);
            if (LastModified is DateTimeOffset modified) request.Headers.IfModifiedSince = modified;
        }

        private static bool IsUsableETag(string? tag)
        {
            if (tag == null || tag.Length < 2 || tag.Length > MaxETagLength) return false;
            foreach (char c in tag)
            {
                if (c < 0x21 || c > 0x7e) return false;
            }

            return EntityTagHeaderValue.TryParse(tag, out _);
        }
    }
}
