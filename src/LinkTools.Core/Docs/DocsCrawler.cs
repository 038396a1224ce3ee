using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;
using LinkTools.Model.Checking;

namespace LinkTools.Core.Docs
{
    /// <summary>
    /// Checks a documentation folder: each Markdown and HTML file is a page, read from disk as the files stream in;
    /// local links are resolved on the file system at once (fragments against the target file's headings and ids), and
    /// remote links go to the shared engine as a web crawl's do: each unique URL checked once, through the crawl's
    /// frontier, its verdict reported for every file and line that links to it.
    /// </summary>
    public sealed class DocsCrawler : ICrawlSource
    {
        private readonly DocsSettings _settings;
        private readonly LocalTree _tree;
        private readonly CrawlScope _scope;
        private readonly CancellationToken _cancellationToken;
        private readonly IEnumerator<string> _files;
        private readonly CrawlLoop _loop;
        private readonly ConcurrentDictionary<string, Lazy<FragmentTargets>> _anchors = new(StringComparer.Ordinal);
        private readonly NamePool _anchorNames = new();

        public DocsCrawler(DocsSettings settings, FetchEngine engine, CancellationToken cancellationToken)
        {
            _settings = settings;
            string root = settings.RootPath != null ? System.IO.Path.GetFullPath(settings.RootPath) : DocFiles.RootOf(FullPaths(settings.Paths));
            _tree = new LocalTree(root, settings.IgnorePathCase);
            _scope = new CrawlScope(new Uri(System.IO.Path.Combine(root, "index.html")), false, settings.Crawl.Include, settings.Crawl.Exclude);
            engine.RedirectExclusion = _scope.Exclusion;
            _cancellationToken = cancellationToken;
            _loop = new CrawlLoop(settings.Crawl, new LinkChecker(engine), this, file => new Uri(_tree.FullPath(file)).AbsoluteUri, cancellationToken);
            _files = DocFiles.Enumerate(_tree, settings.Paths, _loop.Output.BadInput).GetEnumerator();
        }

        /// <summary>The root folder's full path.</summary>
        public string Root => _tree.Root;

        /// <summary>Results, warnings, errors and paths that cannot be read, as they happen; completed when the run is over.</summary>
        public ChannelReader<CrawlEvent> Events => _loop.Output.Events;

        /// <summary>Completes when every file is read and every check has finished (or the run was stopped).</summary>
        public Task Completion => _loop.Frontier.Completion;

        public int FilesRead => _loop.Tally.PagesCrawled;

        public int Links => _loop.Tally.Links;

        public int Broken => _loop.Tally.Broken;

        public int UniqueUrls => _loop.Graph.Count;

        public int TargetsFinished => _loop.Tally.TargetsFinished;

        /// <summary>Rows written to <see cref="Events"/> so far.</summary>
        public int Emitted => _loop.Tally.Emitted;

        /// <summary>Starts reading files in the background. Call once.</summary>
        public void Start() => _loop.Start(ReadAllAsync, _tree.Root);

        /// <summary>
        /// The consumer has written <paramref name="rows"/> rows: while more than -MaxUnwrittenResults are unwritten no
        /// new file is read and no new check starts, and a run held back goes on once it has caught up.
        /// </summary>
        public void CaughtUp(int rows) => _loop.CaughtUp(rows);

        public CrawlSummary Summary()
        {
            var summary = _loop.Tally.Summary(_loop.Elapsed, _cancellationToken.IsCancellationRequested);
            summary.PagesLabel = "files read";
            return summary;
        }

        private Task ReadAllAsync()
        {
            // Reading and parsing is the CPU work, on threads of its own, each taking the next file as it finishes one: on
            // thread pool threads, steady parsing would leave remote checks' responses waiting for a free thread. Online,
            // one core is left to those responses, as a crawl leaves it; offline there are none.
            int count = _settings.Offline ? Environment.ProcessorCount : Environment.ProcessorCount - 1;
            var readers = new Task[Math.Max(1, count)];
            for (int i = 0; i < readers.Length; i++)
            {
                readers[i] = Task.Factory.StartNew(ReadFiles, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
            }

            return Task.WhenAll(readers);
        }

        // A folder's remote links are checked, never read as pages, and every one the scope keeps is followed (the
        // scope and -Offline are applied as each file is read, see ReadFile).
        Verdict? ICrawlSource.Refusal(ExtractedLink link, Uri normalized) => null;

        bool ICrawlSource.RobotsRefuse(Uri normalized) => false;

        CrawlTarget ICrawlSource.Create(Uri normalized, string key, int depth, ExtractedLink link, bool robotsRefused) =>
            new CrawlTarget(normalized, key, 0, TargetRole.Check);

        Task ICrawlSource.ReadAsync(CrawlTarget target) => throw new InvalidOperationException("A documentation folder's remote links are checked, not crawled.");

        private static IEnumerable<string> FullPaths(IEnumerable<string> paths)
        {
            foreach (var path in paths) yield return System.IO.Path.GetFullPath(path);
        }

        private void ReadFiles()
        {
            while (!_cancellationToken.IsCancellationRequested)
            {
                if (!_loop.WaitWhileBehind()) return;

                string file;
                try
                {
                    lock (_files)
                    {
                        if (!_files.MoveNext()) return;
                        file = _files.Current;
                    }
                }
                catch (Exception ex)
                {
                    _loop.Output.Error(_tree.Root, ex);
                    return;
                }

                try
                {
                    ReadFile(file);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && _cancellationToken.IsCancellationRequested))
                {
                    _loop.Output.Error(_tree.FullPath(file), ex);
                }
            }
        }

        private void ReadFile(string file)
        {
            var page = DocPage.Read(_tree.FullPath(file), _settings.SlugStyle);
            var own = FragmentTargets.From(page.Anchors, _anchorNames);
            _anchors.TryAdd(file, new Lazy<FragmentTargets>(() => own));
            _loop.Tally.PageCrawled();
            _loop.Tally.LinksFound(page.Links.Count);

            List<ExtractedLink>? remote = null;
            foreach (var raw in page.Links)
            {
                var link = LocalLink.Resolve(file, page.BaseHref, raw.Raw);
                string text = LinkExtractor.Collapse(raw.Text);
                switch (link.Kind)
                {
                    case LocalLinkKind.Remote:
                        if (_settings.Offline)
                        {
                            Emit(file, raw, text, link.Display, Skip(FailureKind.Offline, "offline", link.Display));
                        }
                        else if (!_scope.ShouldCheck(link.Remote!))
                        {
                            Emit(file, raw, text, link.Display, Skip(FailureKind.Excluded, "left out by -Include/-Exclude", link.Display));
                        }
                        else
                        {
                            (remote ??= new List<ExtractedLink>()).Add(new ExtractedLink(raw.Raw, link.Remote, raw.Element, raw.Attribute, text, raw.Line));
                        }

                        break;
                    case LocalLinkKind.SameFile:
                        Emit(file, raw, text, link.Display, WithFragment(Found(file, file), file, link.Fragment, own));
                        break;
                    case LocalLinkKind.Local:
                        Emit(file, raw, text, link.Display, Local(link));
                        break;
                    case LocalLinkKind.OtherScheme:
                        Emit(file, raw, text, link.Display, Skip(FailureKind.UnsupportedScheme, link.Remote!.Scheme + ": links are not checked", link.Display));
                        break;
                    case LocalLinkKind.OutsideRoot:
                        Emit(file, raw, text, link.Display, new Verdict(LinkStatus.Broken, FailureKind.OutsideRoot,
                            $"'{raw.Raw}' climbs out of the root folder, so it is not looked up", null, "", 0));
                        break;
                    default:
                        Emit(file, raw, text, link.Display, Verdict.InvalidUrl(raw.Raw));
                        break;
                }
            }

            // New URLs are queued for the engine and known verdicts reported at once, as a web crawl's links are.
            if (remote != null) _loop.Graph.Follow(file, 0, remote);
        }

        private static Verdict Skip(FailureKind kind, string reason, string url) => Verdict.Skipped(kind, reason, url);

        private static Verdict Found(string path, string linked) =>
            new Verdict(LinkStatus.Ok, FailureKind.None, path == linked ? "file exists" : "found as " + path, null, path, 0);

        /// <summary>
        /// A local link's verdict. Accepted: the file as written; a folder, through its first index file; a Markdown page
        /// without its ".md" (or as "page/"), as Azure DevOps wikis and static site generators write them.
        /// </summary>
        private Verdict Local(LocalLink link)
        {
            var entry = _tree.Find(link.Path);
            if (entry.Exists && !entry.IsFolder && !link.FolderForm) return WithFragment(Found(entry.Path, link.Path), entry.Path, link.Fragment, null);
            if (entry.Exists && entry.IsFolder)
            {
                foreach (var name in _settings.IndexFiles)
                {
                    var index = _tree.Find(entry.Path.Length == 0 ? name : entry.Path + "/" + name);
                    if (index.Exists && !index.IsFolder) return WithFragment(Found(index.Path, link.Path), index.Path, link.Fragment, null);
                }

                return new Verdict(LinkStatus.Broken, FailureKind.MissingFile,
                    $"the folder '{entry.Path}/' has no {string.Join(", ", _settings.IndexFiles)}", null, "", 0);
            }

            int slash = link.Path.LastIndexOf('/');
            if (link.Path.Length > 0 && (link.FolderForm || link.Path.IndexOf('.', slash + 1) < 0))
            {
                var page = _tree.Find(link.Path + ".md");
                if (page.Exists && !page.IsFolder) return WithFragment(Found(page.Path, link.Path), page.Path, link.Fragment, null);
            }

            return new Verdict(LinkStatus.Broken, FailureKind.MissingFile, $"there is no file '{link.Path}'{(link.FolderForm ? "/" : "")} under the root folder", null, "", 0);
        }

        /// <summary>The verdict, made MissingFragment when the fragment names no heading, id or name of the Markdown or HTML file.</summary>
        private Verdict WithFragment(Verdict found, string path, string fragment, FragmentTargets? anchors)
        {
            if (fragment.Length == 0 || !_settings.Crawl.CheckFragments || string.Equals(fragment, "top", StringComparison.OrdinalIgnoreCase)) return found;
            bool markdown = DocPage.IsMarkdown(path);
            if (!markdown && !DocPage.IsHtml(path)) return found;
            anchors ??= AnchorsOf(path);
            // Heading anchors are lower-case, and GitHub and Azure DevOps find them from a link in any case.
            if (anchors.Contains(fragment) || (markdown && anchors.Contains(fragment.ToLowerInvariant()))) return found;
            return new Verdict(LinkStatus.Broken, FailureKind.MissingFragment,
                $"'{path}' has no {(markdown ? "heading, " : "")}id or name '{fragment}'", null, found.FinalUrl, 0);
        }

        /// <summary>A file's anchors: kept from its own read, else read once for the links that need them.</summary>
        private FragmentTargets AnchorsOf(string path) =>
            _anchors.GetOrAdd(path, p => new Lazy<FragmentTargets>(() =>
            {
                try
                {
                    return FragmentTargets.From(DocPage.Read(_tree.FullPath(p), _settings.SlugStyle).Anchors, _anchorNames);
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                    return FragmentTargets.From(Array.Empty<string>(), _anchorNames);
                }
            })).Value;

        private void Emit(string file, HtmlLinkScanner.RawLink raw, string text, string url, Verdict verdict) =>
            _loop.Output.Publish(new LinkReference(file, url, raw.Element, raw.Attribute, text, raw.Line), verdict, null);
    }
}
