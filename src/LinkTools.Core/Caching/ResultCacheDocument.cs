using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Caching
{
    /// <summary>
    /// The cache file: a format name and version (anything else is not read), one entry per normalized URL and, since
    /// version 2, the crawled pages kept for revalidation.
    /// </summary>
    internal sealed class ResultCacheDocument
    {
        public const string FormatName = "LinkTools.ResultCache";
        public const int CurrentVersion = 2;

        /// <summary>Version 1 (results only) is read as it is: its pages are simply not known yet.</summary>
        public const int OldestReadableVersion = 1;

        public string? Format { get; set; }
        public int Version { get; set; }
        public DateTimeOffset SavedAt { get; set; }
        public List<ResultCacheEntry>? Entries { get; set; }
        public List<ResultCachePage>? Pages { get; set; }
    }

    /// <summary>
    /// A crawled page as last parsed: its validators (sent back as If-None-Match / If-Modified-Since) and what its parse
    /// gave, its links and fragment targets, reused when the server answers 304. Never a page with a link that carries
    /// user info, and never a request header: only what the page itself shows.
    /// </summary>
    internal sealed class ResultCachePage
    {
        /// <summary>The normalized URL (the key).</summary>
        public string Url { get; set; } = "";
        public DateTimeOffset CheckedAt { get; set; }
        public string? ETag { get; set; }
        public DateTimeOffset? LastModified { get; set; }
        public List<ResultCacheLink>? Links { get; set; }
        public List<string>? Anchors { get; set; }
    }

    /// <summary>One link of a cached page, as the extractor found it.</summary>
    internal sealed class ResultCacheLink
    {
        public string Raw { get; set; } = "";
        /// <summary>The absolute URL, fragment kept; null when the link is not a URL.</summary>
        public string? Target { get; set; }
        public string Element { get; set; } = "";
        public string Attribute { get; set; } = "";
        public string Text { get; set; } = "";
        public int Line { get; set; }
    }

    /// <summary>
    /// One URL's last verdict. Only what a result shows: no request header, credential or cookie is ever part of it,
    /// and URLs with user info are not cached at all.
    /// </summary>
    internal sealed class ResultCacheEntry
    {
        /// <summary>The normalized URL (the key).</summary>
        public string Url { get; set; } = "";
        public DateTimeOffset CheckedAt { get; set; }
        public LinkStatus Status { get; set; }
        public int? StatusCode { get; set; }
        public string FinalUrl { get; set; } = "";
        public string Reason { get; set; } = "";
        public string Method { get; set; } = "";
        public int RedirectCount { get; set; }
        public string RedirectChain { get; set; } = "";
        public string? ContentType { get; set; }
    }

    /// <summary>Generated at compile time, so the native CLI reads and writes the cache without reflection.</summary>
    [JsonSourceGenerationOptions(UseStringEnumConverter = true)]
    [JsonSerializable(typeof(ResultCacheDocument))]
    internal sealed partial class ResultCacheJson : JsonSerializerContext
    {
    }
}
