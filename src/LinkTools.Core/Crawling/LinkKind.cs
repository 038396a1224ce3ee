namespace LinkTools.Core.Crawling
{
    /// <summary>Where a link came from, which decides what following it does.</summary>
    public enum LinkKind
    {
        /// <summary>Loaded by a page (an image, a script, a style sheet, a &lt;link rel="next"&gt;): checked, and read only when a navigation also leads there.</summary>
        Resource,

        /// <summary>Navigates to a document (an &lt;a&gt;, a frame, a meta refresh): the page it leads to is read and its links followed.</summary>
        Navigation,

        /// <summary>The crawl's start URL: always crawled, whatever -Include and -Exclude say.</summary>
        Start,

        /// <summary>A page a sitemap lists: read and followed as a navigation is.</summary>
        Sitemap,
    }
}
