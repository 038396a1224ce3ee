using System;
using System.Threading.Tasks;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// What differs between crawls over the one <see cref="CrawlLoop"/>: which links are followed and how a new URL is
    /// handled (a web crawl's scope, robots.txt and limits; a documentation folder's remote links, checked only), and how
    /// a page is fetched and read.
    /// </summary>
    internal interface ICrawlSource
    {
        /// <summary>Outside the graph's lock: the verdict on a link that is not followed (left out by the scope), or null.</summary>
        /// <param name="normalized">The URL it would be fetched as.</param>
        Verdict? Refusal(ExtractedLink link, Uri normalized);

        /// <summary>Outside the graph's lock: whether robots.txt forbids fetching the URL.</summary>
        bool RobotsRefuse(Uri normalized);

        /// <summary>Under the graph's lock, once per unique URL: how it is handled.</summary>
        CrawlTarget Create(Uri normalized, string key, int depth, ExtractedLink link, bool robotsRefused);

        /// <summary>
        /// Fetches and reads a target it created to be read rather than checked (a page; in a web crawl, also an external
        /// page read for its ids), completing it in the graph.
        /// </summary>
        Task ReadAsync(CrawlTarget target);
    }
}
