using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;

namespace LinkTools.Core.Docs
{
    /// <summary>
    /// Checks a documentation folder: each Markdown and HTML file is a page, read from disk as the files stream in;
    /// local links are resolved on the file system at once (fragments against the target file's headings and ids), and
    /// remote links go to the shared engine as a web crawl's do: each unique URL checked once, through the crawl's
    /// frontier, its verdict reported for every file and line that links to it.
    /// </summary>
    public sealed class DocsCrawler
    {
        private readonly DocsSettings _settings;
        private readonly LocalTree _tree;
        private readonly LinkChecker _checker;
        private readonly CrawlScope _scope;
        private readonly Action<CrawlResult> _onResult;
        private readonly Action<string, Exception> _onError;
        private readonly Func<bool> _holdBack;
        private readonly CancellationToken _cancellationToken;
        private readonly IEnumerator<string> _files;
        private readonly CrawlFrontier _frontier;
        private readonly Stopwatch _clock = new();
        private readonly object _lock = new();
        private readonly Dictionary<string, CrawlTarget> _targets = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<string, Lazy<FragmentTargets>> _anchors = new(StringComparer.Ordinal);
        private readonly NamePool _anchorNames = new();
        private readonly ManualResetEventSlim _resumed = new(false);

        private int _filesRead;
        private int _links;
        private int _broken;
        private int _skipped;
        private int _emitted;
        private int _targetsFinished;
        private long _requests;

        /// <param name="onResult">Called from worker threads for each (file, link) pair to emit.</param>
        /// <param name="onBadInput">Called from a worker thread with a path given that cannot be read, and why.</param>
        /// <param name="onError">Called from worker threads for a file that could not be read, or an internal failure.</param>
        /// <param name="holdBack">True while the consumer is behind: no new file is read and no new check starts until <see cref="Resume"/>.</param>
        public DocsCrawler(DocsSettings settings, FetchEngine engine, Action<CrawlResult> onResult, Action<string, string> onBadInput,
            Action<string, Exception> onError, Func<bool>? holdBack, CancellationToken cancellationToken)
        {
            _settings = settings;
            string root = settings.RootPath != null ? System.IO.Path.GetFullPath(settings.RootPath) : DocFiles.RootOf(FullPaths(settings.Paths));
            _tree = new LocalTree(root, settings.IgnorePathCase);
            _checker = new LinkChecker(engine);
            _scope = new CrawlScope(new Uri(System.IO.Path.Combine(root, "index.html")), false, settings.Crawl.Include, settings.Crawl.Exclude);
            engine.RedirectExclusion = _scope.Exclusion;
            _onResult = onResult;
            _onError = onError;
            _holdBack = holdBack ?? (() => false);
            _cancellationToken = cancellationToken;
            _files = DocFiles.Enumerate(_tree, settings.Paths, onBadInput).GetEnumerator();
            _frontier = CrawlFrontier.For(engine, CheckAsync, _holdBack, cancellationToken);
        }

        /// <summary>The root folder's full path.</summary>
        public string Root => _tree.Root;

        /// <summary>Completes when every file is read and every check has finished (or the run was stopped).</summary>
        public Task Completion => _frontier.Completion;

        public int FilesRead => Volatile.Read(ref _filesRead);

        public int Links => Volatile.Read(ref _links);

        public int Broken => Volatile.Read(ref _broken);

        public int UniqueUrls { get { lock (_lock) return _targets.Count; } }

        public int TargetsFinished => Volatile.Read(ref _targetsFinished);

        /// <summary>Rows handed to onResult so far.</summary>
        public int Emitted => Volatile.Read(ref _emitted);

        /// <summary>Starts reading files in the background. Call once.</summary>
        public void Start()
        {
            _clock.Start();
            _frontier.Completion.ContinueWith(_ => _clock.Stop(), TaskScheduler.Default);

            // Reading and parsing is the CPU work, on threads of its own, each taking the next file as it finishes one: on
            // thread pool threads, steady parsing would leave remote checks' responses waiting for a free thread. Online,
            // one core is left to those responses, as a crawl leaves it; offline there are none.
            int count = _settings.Offline ? Environment.ProcessorCount : Environment.ProcessorCount - 1;
            var readers = new Task[Math.Max(1, count)];
            for (int i = 0; i < readers.Length; i++)
            {
                readers[i] = Task.Factory.StartNew(ReadFiles, CancellationToken.None, TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach, TaskScheduler.Default);
            }

            Task.WhenAll(readers).ContinueWith(_ => _frontier.CompleteSeeding(), TaskScheduler.Default);
        }

        /// <summary>Lets a held-back run go on once its consumer has caught up.</summary>
        public void Resume()
        {
            _resumed.Set();
            _frontier.Resume();
        }

        public CrawlSummary Summary() => new CrawlSummary
        {
            Pages = FilesRead,
            PagesLabel = "files read",
            Links = Links,
            UniqueUrls = TargetsFinished,
            Broken = Broken,
            Skipped = Volatile.Read(ref _skipped),
            Requests = Interlocked.Read(ref _requests),
            Elapsed = _clock.Elapsed,
            Cancelled = _cancellationToken.IsCancellationRequested,
        };

        private static IEnumerable<string> FullPaths(IEnumerable<string> paths)
        {
            foreach (var path in paths) yield return System.IO.Path.GetFullPath(path);
        }

        private void ReadFiles()
        {
            while (!_cancellationToken.IsCancellationRequested)
            {
                // Held back: wait for the consumer, in short slices, so a Resume that came between the look and the
                // wait costs at most one slice and a stop is seen at once.
                while (_holdBack() && !_cancellationToken.IsCancellationRequested)
                {
                    _resumed.Reset();
                    if (!_holdBack()) break;
                    try
                    {
                        _resumed.Wait(TimeSpan.FromMilliseconds(100), _cancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                }

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
                    _onError(_tree.Root, ex);
                    return;
                }

                try
                {
                    ReadFile(file);
                }
                catch (Exception ex) when (!(ex is OperationCanceledException && _cancellationToken.IsCancellationRequested))
                {
                    _onError(_tree.FullPath(file), ex);
                }
            }
        }

        private void ReadFile(string file)
        {
            var page = DocPage.Read(_tree.FullPath(file), _settings.SlugStyle);
            var own = FragmentTargets.From(page.Anchors, _anchorNames);
            _anchors.TryAdd(file, new Lazy<FragmentTargets>(() => own));
            Interlocked.Increment(ref _filesRead);
            Interlocked.Add(ref _links, page.Links.Count);

            List<(Uri Uri, ExtractedLink Link)>? remote = null;
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
                            (remote ??= new List<(Uri, ExtractedLink)>()).Add((link.Remote!, new ExtractedLink(raw.Raw, link.Remote, raw.Element, raw.Attribute, text, raw.Line)));
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
                        Emit(file, raw, text, link.Display, new TargetVerdict(LinkStatus.Broken, FailureKind.OutsideRoot,
                            $"'{raw.Raw}' climbs out of the root folder, so it is not looked up", null, "", 0));
                        break;
                    default:
                        Emit(file, raw, text, link.Display, new TargetVerdict(LinkStatus.Broken, FailureKind.InvalidUrl, $"'{raw.Raw}' is not a valid URL", null, raw.Raw, 0));
                        break;
                }
            }

            if (remote != null) FollowRemote(file, remote);
        }

        private static TargetVerdict Skip(FailureKind kind, string reason, string url) => TargetVerdict.Skipped(kind, reason, url);

        private static TargetVerdict Found(string path, string linked) =>
            new TargetVerdict(LinkStatus.Ok, FailureKind.None, path == linked ? "file exists" : "found as " + path, null, path, 0);

        /// <summary>
        /// A local link's verdict. Accepted: the file as written; a folder, through its first index file; a Markdown page
        /// without its ".md" (or as "page/"), as Azure DevOps wikis and static site generators write them.
        /// </summary>
        private TargetVerdict Local(LocalLink link)
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

                return new TargetVerdict(LinkStatus.Broken, FailureKind.MissingFile,
                    $"the folder '{entry.Path}/' has no {string.Join(", ", _settings.IndexFiles)}", null, "", 0);
            }

            int slash = link.Path.LastIndexOf('/');
            if (link.Path.Length > 0 && (link.FolderForm || link.Path.IndexOf('.', slash + 1) < 0))
            {
                var page = _tree.Find(link.Path + ".md");
                if (page.Exists && !page.IsFolder) return WithFragment(Found(page.Path, link.Path), page.Path, link.Fragment, null);
            }

            return new TargetVerdict(LinkStatus.Broken, FailureKind.MissingFile, $"there is no file '{link.Path}'{(link.FolderForm ? "/" : "")} under the root folder", null, "", 0);
        }

        /// <summary>The verdict, made MissingFragment when the fragment names no heading, id or name of the Markdown or HTML file.</summary>
        private TargetVerdict WithFragment(TargetVerdict found, string path, string fragment, FragmentTargets? anchors)
        {
            if (fragment.Length == 0 || !_settings.Crawl.CheckFragments || string.Equals(fragment, "top", StringComparison.OrdinalIgnoreCase)) return found;
            bool markdown = DocPage.IsMarkdown(path);
            if (!markdown && !DocPage.IsHtml(path)) return found;
            anchors ??= AnchorsOf(path);
            // Heading anchors are lower-case, and GitHub and Azure DevOps find them from a link in any case.
            if (anchors.Contains(fragment) || (markdown && anchors.Contains(fragment.ToLowerInvariant()))) return found;
            return new TargetVerdict(LinkStatus.Broken, FailureKind.MissingFragment,
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

        /// <summary>A file's remote links: new URLs are queued for the engine, known verdicts reported at once (as a crawl's Follow).</summary>
        private void FollowRemote(string file, List<(Uri Uri, ExtractedLink Link)> links)
        {
            var targets = new CrawlTarget?[links.Count];
            var added = new CrawlTarget?[links.Count];
            var keys = new string[links.Count];
            var normalized = new Uri[links.Count];
            for (int i = 0; i < links.Count; i++)
            {
                normalized[i] = UrlNormalizer.Normalize(links[i].Uri);
                keys[i] = normalized[i].AbsoluteUri;
            }

            lock (_lock)
            {
                for (int i = 0; i < links.Count; i++)
                {
                    if (!_targets.TryGetValue(keys[i], out var target))
                    {
                        target = new CrawlTarget(normalized[i], keys[i], 0, TargetRole.Check);
                        _targets.Add(keys[i], target);
                        added[i] = target;
                    }

                    if (target.Verdict == null)
                    {
                        (target.Waiting ??= new List<LinkReference>()).Add(new LinkReference(file, 0, links[i].Link, target.Key));
                        continue;
                    }

                    targets[i] = target;
                }
            }

            for (int i = 0; i < links.Count; i++)
            {
                if (added[i] is CrawlTarget queued) _frontier.Add(queued);
                if (targets[i] is CrawlTarget known) Publish(new LinkReference(file, 0, links[i].Link), known.Verdict!);
            }
        }

        private async Task CheckAsync(CrawlTarget target)
        {
            try
            {
                var result = await _checker.CheckAsync(target.Uri, _cancellationToken).ConfigureAwait(false);
                Interlocked.Add(ref _requests, result.Attempts + result.RedirectCount);
                List<LinkReference>? waiting;
                var verdict = TargetVerdict.From(result);
                lock (_lock)
                {
                    target.Verdict = verdict;
                    target.ReleaseUri();
                    waiting = target.Waiting;
                    target.Waiting = null;
                }

                Interlocked.Increment(ref _targetsFinished);
                foreach (var reference in waiting ?? new List<LinkReference>()) Publish(reference, verdict);
            }
            catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                _onError(UrlText.Redact(target.Key), ex);
            }
        }

        private void Publish(in LinkReference link, TargetVerdict verdict) =>
            Emit(link.SourceUrl, link.Url, link.Element, link.Attribute, link.Text, link.Line, verdict);

        private void Emit(string file, HtmlLinkScanner.RawLink raw, string text, string url, TargetVerdict verdict) =>
            Emit(file, url, raw.Element, raw.Attribute, text, raw.Line, verdict);

        private void Emit(string file, string url, string element, string attribute, string text, int line, TargetVerdict verdict)
        {
            bool broken = verdict.Status == LinkStatus.Broken;
            if (broken) Interlocked.Increment(ref _broken);
            if (verdict.Status == LinkStatus.Skipped) Interlocked.Increment(ref _skipped);
            bool wanted = verdict.Status == LinkStatus.Skipped ? _settings.Crawl.IncludeSkipped : broken || _settings.Crawl.IncludeAll;
            if (!wanted) return;

            Interlocked.Increment(ref _emitted);
            _onResult(new CrawlResult
            {
                SourceUrl = file,
                SourceFile = new Uri(_tree.FullPath(file)).AbsoluteUri,
                Url = url,
                FinalUrl = verdict.FinalUrl,
                Status = verdict.Status,
                StatusCode = verdict.StatusCode,
                FailureKind = verdict.Kind,
                Reason = verdict.Reason,
                Element = element,
                Attribute = attribute,
                LinkText = text,
                Line = line,
                ElapsedMs = verdict.ElapsedMs,
            });
        }
    }
}
