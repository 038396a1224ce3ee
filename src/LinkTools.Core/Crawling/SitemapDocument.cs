using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Xml;

namespace LinkTools.Core.Crawling
{
    /// <summary>
    /// One sitemap.xml or sitemap index, gzipped or not: the page URLs it lists (&lt;url&gt;&lt;loc&gt;) and the
    /// sitemaps it points to (&lt;sitemap&gt;&lt;loc&gt;), in the sitemap namespace only. DTDs are refused, so a hostile file cannot expand entities.
    /// </summary>
    public sealed class SitemapDocument
    {
        /// <summary>Most URLs read from one file: the sitemap protocol's own limit.</summary>
        public const int MaxEntries = 50000;

        private const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";

        private SitemapDocument(List<string> pages, List<string> sitemaps)
        {
            Pages = pages;
            Sitemaps = sitemaps;
        }

        public IReadOnlyList<string> Pages { get; }

        public IReadOnlyList<string> Sitemaps { get; }

        /// <summary>Parses the file; throws <see cref="InvalidDataException"/> when it is neither XML nor gzipped XML.</summary>
        public static SitemapDocument Parse(byte[] body, long maxBytes)
        {
            var pages = new List<string>();
            var sitemaps = new List<string>();
            using var raw = new MemoryStream(body, writable: false);
            bool gzipped = body.Length >= 2 && body[0] == 0x1F && body[1] == 0x8B;
            using Stream stream = gzipped ? new CappedStream(new GZipStream(raw, CompressionMode.Decompress), maxBytes) : raw;
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreWhitespace = true };
            try
            {
                using var reader = XmlReader.Create(stream, settings);
                string parent = "";
                while (reader.Read() && pages.Count + sitemaps.Count < MaxEntries)
                {
                    // Only the sitemap protocol's own elements: <image:loc> and the like (other namespaces) name no page.
                    if (reader.NodeType != XmlNodeType.Element || !IsSitemapNamespace(reader.NamespaceURI)) continue;
                    if (reader.LocalName == "url" || reader.LocalName == "sitemap")
                    {
                        parent = reader.LocalName;
                    }
                    else if (reader.LocalName == "loc")
                    {
                        string loc = reader.ReadElementContentAsString().Trim();
                        if (loc.Length == 0) continue;
                        (parent == "sitemap" ? sitemaps : pages).Add(loc);
                    }
                }
            }
            catch (XmlException ex)
            {
                throw new InvalidDataException("not a sitemap: " + ex.Message, ex);
            }

            return new SitemapDocument(pages, sitemaps);
        }

        /// <summary>The protocol's namespace; or none, as hand-written sitemaps often leave it out.</summary>
        private static bool IsSitemapNamespace(string uri) => uri.Length == 0 || uri == SitemapNamespace;
    }
}
