using System;
using System.Collections.Generic;
using LinkTools.Core.Crawling;
using LinkTools.Model.Crawling;

namespace LinkTools.Core.Docs
{
    /// <summary>
    /// What `Invoke-SiteCrawl -Path` and `linktools crawl &lt;folder&gt;` were asked to do: which files, where the root is,
    /// how local links resolve. Everything a web crawl shares (engine, patterns, which rows to write, CI) is in <see cref="Crawl"/>.
    /// </summary>
    public sealed class DocsSettings
    {
        /// <summary>The file names a link to a folder stands for, tried in order.</summary>
        public static readonly IReadOnlyList<string> DefaultIndexFiles = new[] { "index.html", "index.md", "README.md" };

        /// <summary>The shared settings; its StartUrl is not used.</summary>
        public CrawlSettings Crawl { get; set; } = new CrawlSettings();

        /// <summary>Full paths of folders (read recursively for Markdown and HTML files) and files.</summary>
        public IList<string> Paths { get; } = new List<string>();

        /// <summary>The folder root-relative links ("/img/a.png") resolve against and no link may climb out of; null: the
        /// folder given, or the deepest folder holding every path given.</summary>
        public string? RootPath { get; set; }

        public IList<string> IndexFiles { get; } = new List<string>(DefaultIndexFiles);

        /// <summary>Match file and folder names ignoring case (Windows, macOS); by default exactly, as a Linux web server does.</summary>
        public bool IgnorePathCase { get; set; }

        public SlugStyle SlugStyle { get; set; } = SlugStyle.GitHub;

        /// <summary>Request nothing: remote links are Skipped with FailureKind Offline.</summary>
        public bool Offline { get; set; }

        /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot be used (the shared <see cref="Crawl"/> settings were checked as they were built).</summary>
        public void Validate()
        {
            if (Paths.Count == 0) throw new ArgumentException("No file or folder to check.", nameof(Paths));
            foreach (var name in IndexFiles)
            {
                if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(new[] { '/', '\\' }) >= 0)
                {
                    throw new ArgumentException($"'{name}' is not a file name (an index file is a name such as index.html, without a folder).", nameof(IndexFiles));
                }
            }
        }
    }
}
