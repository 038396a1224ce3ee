using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Storage;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Caching
{
    /// <summary>
    /// Link check results kept between runs, per normalized URL. A cached Ok or Redirected result younger than the
    /// maximum age is reported without a request; anything else (broken, timed out, rate limited, unverifiable, or
    /// too old) is checked again. Safe to use from the engine's worker threads.
    /// </summary>
    public sealed class ResultCache
    {
        // Concurrent runs saving the same file take turns on this lock beside it; a run that cannot get it within the
        // bound saves anyway (the file is still replaced whole, only a merge may be missed).
        private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

        private readonly ResultCacheSettings _settings;
        private readonly ConcurrentDictionary<string, ResultCacheEntry> _entries;
        private int _hits;
        private int _recorded;

        private ResultCache(ResultCacheSettings settings, Contents? contents)
        {
            _settings = settings;
            Path = System.IO.Path.GetFullPath(settings.Path);
            _entries = new ConcurrentDictionary<string, ResultCacheEntry>(contents?.Entries ?? new Dictionary<string, ResultCacheEntry>(), StringComparer.Ordinal);
            Pages = new CachedPages(settings, contents?.Pages ?? new Dictionary<string, ResultCachePage>(StringComparer.Ordinal));
        }

        public string Path { get; }

        /// <summary>The crawled pages kept for revalidation (If-None-Match / If-Modified-Since, links reused on a 304).</summary>
        public CachedPages Pages { get; }

        /// <summary>Results reported from the cache in this run.</summary>
        public int Hits => Volatile.Read(ref _hits);

        /// <summary>Results checked in this run and recorded for the next.</summary>
        public int Recorded => Volatile.Read(ref _recorded);

        /// <summary>
        /// Reads the cache file; a missing file is an empty cache. A file that is not a LinkTools result cache of this
        /// version, or not JSON, is moved aside and <paramref name="warning"/> says so.
        /// </summary>
        public static ResultCache Open(ResultCacheSettings settings, out string? warning)
        {
            var full = System.IO.Path.GetFullPath(settings.Path);
            return new ResultCache(settings, Read(full, settings, out warning, moveAsideWhenUnusable: true));
        }

        /// <summary>The cached result for <paramref name="uri"/> when it is a working link checked within the maximum age.</summary>
        public bool TryGet(Uri uri, out LinkResult result)
        {
            result = null!;
            if (KeyOf(uri) is not string key || !_entries.TryGetValue(key, out var entry)) return false;
            if (entry.Status != LinkStatus.Ok && entry.Status != LinkStatus.Redirected) return false;
            if (DateTimeOffset.UtcNow - entry.CheckedAt > _settings.MaxAge) return false;

            Interlocked.Increment(ref _hits);
            result = new LinkResult
            {
                Url = UrlText.Redact(uri),
                FinalUrl = entry.FinalUrl,
                Status = entry.Status,
                StatusCode = entry.StatusCode,
                FailureKind = FailureKind.None,
                Reason = entry.Reason,
                Method = entry.Method,
                RedirectCount = entry.RedirectCount,
                RedirectChain = entry.RedirectChain,
                ContentType = entry.ContentType,
                CheckedAt = entry.CheckedAt,
                Attempts = 0,
                FromCache = true,
            };
            return true;
        }

        /// <summary>Keeps a fresh check's result for the next run (every verdict: a broken one replaces an older Ok).</summary>
        public void Record(Uri uri, LinkResult result)
        {
            if (result.FromCache || KeyOf(uri) is not string key) return;
            Interlocked.Increment(ref _recorded);
            _entries[key] = new ResultCacheEntry
            {
                Url = key,
                CheckedAt = result.CheckedAt,
                Status = result.Status,
                StatusCode = result.StatusCode,
                FinalUrl = result.FinalUrl,
                Reason = result.Reason,
                Method = result.Method,
                RedirectCount = result.RedirectCount,
                RedirectChain = result.RedirectChain,
                ContentType = result.ContentType,
            };
        }

        /// <summary>
        /// Writes the cache: merged with what the file holds now (another run may have saved meanwhile; the newer
        /// check of a URL wins), cut to the newest entries past the cap, and replaced whole (<see cref="AtomicFile"/>).
        /// </summary>
        /// <exception cref="IOException">The file or its folder cannot be written.</exception>
        /// <exception cref="UnauthorizedAccessException">The file or its folder cannot be written.</exception>
        public void Save()
        {
            using var turn = TakeTurn(Path + ".lock");
            var saved = Read(Path, _settings, out _, moveAsideWhenUnusable: false);
            var merged = saved?.Entries ?? new Dictionary<string, ResultCacheEntry>(StringComparer.Ordinal);
            foreach (var pair in _entries)
            {
                if (!merged.TryGetValue(pair.Key, out var other) || other.CheckedAt <= pair.Value.CheckedAt) merged[pair.Key] = pair.Value;
            }

            var document = new ResultCacheDocument
            {
                Format = ResultCacheDocument.FormatName,
                Version = ResultCacheDocument.CurrentVersion,
                SavedAt = DateTimeOffset.UtcNow,
                Entries = merged.Values.OrderByDescending(e => e.CheckedAt).Take(_settings.MaxEntries).ToList(),
                Pages = Pages.ToSave(saved?.Pages, _settings.MaxEntries),
            };
            byte[] bytes = JsonSerializer.SerializeToUtf8Bytes(document, ResultCacheJson.Default.ResultCacheDocument);
            AtomicFile.Write(Path, stream => stream.Write(bytes, 0, bytes.Length));
        }

        /// <summary>The key of a URL, or null for one that is never cached (user info in it).</summary>
        internal static string? KeyOf(Uri uri)
        {
            if (!uri.IsAbsoluteUri || uri.UserInfo.Length > 0) return null;
            try
            {
                return UrlNormalizer.Key(uri);
            }
            catch (UriFormatException)
            {
                return null;
            }
        }

        /// <summary>What a file holds; a version 1 file has results only.</summary>
        private sealed class Contents
        {
            public Dictionary<string, ResultCacheEntry> Entries { get; } = new(StringComparer.Ordinal);
            public Dictionary<string, ResultCachePage> Pages { get; } = new(StringComparer.Ordinal);
        }

        private static Contents? Read(string path, ResultCacheSettings settings, out string? warning, bool moveAsideWhenUnusable)
        {
            var document = UnusableFile.Read(path, ResultCacheJson.Default.ResultCacheDocument,
                d => d.Format == ResultCacheDocument.FormatName && d.Version >= ResultCacheDocument.OldestReadableVersion &&
                     d.Version <= ResultCacheDocument.CurrentVersion && d.Entries != null
                    ? null
                    : $"it is not a LinkTools result cache (versions {ResultCacheDocument.OldestReadableVersion} to {ResultCacheDocument.CurrentVersion})",
                "cache file", moveAsideWhenUnusable, out warning);
            if (document == null) return null;
            var contents = new Contents();
            foreach (var entry in document.Entries!)
            {
                if (entry?.Url is { Length: > 0 } url && (!contents.Entries.TryGetValue(url, out var seen) || seen.CheckedAt < entry.CheckedAt)) contents.Entries[url] = entry;
            }

            foreach (var page in document.Pages ?? new List<ResultCachePage>())
            {
                if (CachedPages.IsUsable(page, settings) && (!contents.Pages.TryGetValue(page.Url, out var seen) || seen.CheckedAt < page.CheckedAt)) contents.Pages[page.Url] = page;
            }

            return contents;
        }

        private static IDisposable? TakeTurn(string lockPath)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(lockPath) ?? ".");
            var deadline = DateTime.UtcNow + LockWait;
            while (true)
            {
                try
                {
                    return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(20);
                }
                catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
                {
                    return null;
                }
            }
        }
    }
}
