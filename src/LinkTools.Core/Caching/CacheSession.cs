using System;
using System.IO;
using LinkTools.Core.Pipeline;

namespace LinkTools.Core.Caching
{
    /// <summary>
    /// A run's use of the result cache, as Test-Link and Invoke-SiteCrawl share it: opened at the start (an unusable
    /// file is a warning, never an error) and saved at the end (a failure to save is a warning: the results are out).
    /// </summary>
    internal static class CacheSession
    {
        public static ResultCache? Open(ResultCacheSettings? settings, IPipelineSink sink)
        {
            if (settings == null) return null;
            var cache = ResultCache.Open(settings, out var warning);
            if (warning != null) sink.WriteWarning(warning);
            return cache;
        }

        public static void Save(ResultCache? cache, IPipelineSink sink)
        {
            if (cache == null) return;
            try
            {
                cache.Save();
                if (sink.IsVerboseEnabled) sink.WriteVerbose($"Result cache {cache.Path}: {cache.Hits} results reported from it, {cache.Recorded} checked and saved.");
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                sink.WriteWarning($"The cache file '{cache.Path}' could not be saved ({ex.Message}); the next run checks every link again.");
            }
        }
    }
}
