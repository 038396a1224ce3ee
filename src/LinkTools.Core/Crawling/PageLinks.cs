using System;
using System.Collections.Generic;

namespace LinkTools.Core.Crawling
{
    /// <summary>What is kept of a parsed page: its links and the fragment targets it defines; the page text itself is not kept.</summary>
    public sealed class PageLinks
    {
        public PageLinks(IReadOnlyList<ExtractedLink> links, ISet<string> anchors)
        {
            Links = links;
            Anchors = anchors;
        }

        public static PageLinks Empty { get; } = new PageLinks(Array.Empty<ExtractedLink>(), new HashSet<string>());

        public IReadOnlyList<ExtractedLink> Links { get; }

        /// <summary>Every id, and every name of an &lt;a&gt;, in the page (case-sensitive, as browsers match them).</summary>
        public ISet<string> Anchors { get; }
    }
}
