using System;
using System.Collections.Generic;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// The ids and anchor names of a crawled page, kept for the whole crawl so later links' fragments can be checked:
    /// a sorted array of names shared through the crawl's <see cref="NamePool"/> (sites repeat ids like "top" or
    /// "content" on every page), a fraction of a hash set's size when there are 100,000 pages.
    /// </summary>
    internal sealed class FragmentTargets
    {
        private static readonly FragmentTargets None = new FragmentTargets(Array.Empty<string>());
        private readonly string[] _sorted;

        private FragmentTargets(string[] sorted) => _sorted = sorted;

        public static FragmentTargets From(ICollection<string> names, NamePool pool)
        {
            if (names.Count == 0) return None;
            var sorted = new string[names.Count];
            int i = 0;
            foreach (var name in names) sorted[i++] = pool.Share(name);
            Array.Sort(sorted, StringComparer.Ordinal);
            return new FragmentTargets(sorted);
        }

        public bool Contains(string name) => Array.BinarySearch(_sorted, name, StringComparer.Ordinal) >= 0;

        /// <summary>
        /// Whether a browser finds the element a URL's fragment (as the URL has it, percent-encoded) indicates, as the HTML
        /// standard's "find a potential indicated element" does: the fragment as it is, then percent-decoded; "top" in any
        /// case is the top of the page. A fragment directive (":~:text=...", a text fragment) is not part of the
        /// fragment: what precedes it, if anything, is looked up, and a bare text fragment never misses.
        /// </summary>
        public bool Finds(string fragment)
        {
            int directive = fragment.IndexOf(":~:", StringComparison.Ordinal);
            if (directive >= 0) fragment = fragment.Substring(0, directive);
            if (fragment.Length == 0 || Contains(fragment)) return true;
            string decoded = UrlNormalizer.PercentDecode(fragment);
            return Contains(decoded) || string.Equals(decoded, "top", StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>One instance of each distinct name for the life of one crawl (unlike string.Intern, freed with it).</summary>
    internal sealed class NamePool
    {
        private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

        public string Share(string name)
        {
            lock (_names)
            {
                if (_names.TryGetValue(name, out var shared)) return shared;
                _names.Add(name, name);
                return name;
            }
        }
    }
}
