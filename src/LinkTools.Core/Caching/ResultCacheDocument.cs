using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Caching
{
    /// <summary>The cache file: a format name and version (anything else is not read), and one entry per normalized URL.</summary>
    internal sealed class ResultCacheDocument
    {
        public const string FormatName = "LinkTools.ResultCache";
        public const int CurrentVersion = 1;

        public string? Format { get; set; }
        public int Version { get; set; }
        public DateTimeOffset SavedAt { get; set; }
        public List<ResultCacheEntry>? Entries { get; set; }
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
