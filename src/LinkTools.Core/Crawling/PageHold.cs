using System.Collections.Generic;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// A page's links between its parse and the first link that navigates to it: a page a &lt;link rel="next"&gt; or an
    /// image names is fetched and read (so its fragments are known whatever arrives first), but its links are followed
    /// only once an &lt;a&gt;, a frame, a redirect or a sitemap leads there. Guarded by the <see cref="CrawlGraph"/>'s lock.
    /// </summary>
    internal sealed class PageHold
    {
        private bool _wanted;
        private bool _followed;

        /// <summary>The parsed page's links, while they wait for a navigation to it.</summary>
        public IReadOnlyList<ExtractedLink>? Links { get; private set; }

        public string SourceUrl { get; private set; } = "";

        public int Depth { get; private set; }

        /// <summary>A navigation reached the page: its links are followed now (added to <paramref name="released"/>) if it was read, else when it is.</summary>
        public void Want(List<PageHold> released)
        {
            if (_followed) return;
            _wanted = true;
            if (Links == null) return;
            _followed = true;
            released.Add(this);
        }

        /// <summary>The held links, once <see cref="Want"/> released them (only the one who got the hold calls it).</summary>
        public IReadOnlyList<ExtractedLink> TakeLinks()
        {
            var links = Links!;
            Links = null;
            return links;
        }

        /// <summary>The page was read: true when its links are to be followed now; otherwise they are kept until <see cref="Want"/>.</summary>
        public bool Read(PageLinks page, string sourceUrl, int depth)
        {
            if (_followed) return false;
            if (_wanted)
            {
                _followed = true;
                return true;
            }

            Links = page.Links;
            SourceUrl = sourceUrl;
            Depth = depth;
            return false;
        }
    }
}
