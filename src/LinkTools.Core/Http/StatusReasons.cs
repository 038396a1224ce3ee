using System.Collections.Concurrent;

namespace LinkTools.Core.Http
{
    /// <summary>
    /// "HTTP 404 Not Found" as one shared string per status and phrase: a large crawl keeps a verdict for every unique
    /// URL, and most of them say the same few things.
    /// </summary>
    internal static class StatusReasons
    {
        // Bounded, because reason phrases come from servers and a hostile one could send a new phrase every time.
        private const int MaxEntries = 1024;
        private static readonly ConcurrentDictionary<(int Status, string Phrase), string> Known = new();

        public static string Of(int status, string? phrase)
        {
            phrase ??= "";
            if (Known.TryGetValue((status, phrase), out var reason)) return reason;
            // A reason phrase is the server's text, shown in tables and warnings: no terminal escape gets through.
            reason = "HTTP " + status + (phrase.Length == 0 ? "" : " " + Text.ConsoleText.WithoutControls(phrase));
            if (Known.Count < MaxEntries) Known.TryAdd((status, phrase), reason);
            return reason;
        }
    }
}
