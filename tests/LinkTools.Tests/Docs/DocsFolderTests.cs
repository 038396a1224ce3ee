using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Docs;

/// <summary>The fixture tree checked offline: every link form, each verdict asserted with its file and line.</summary>
public class DocsFolderTests
{
    // (file, line, Url, FailureKind) of every broken link the fixture holds, and nothing else.
    private static readonly (string File, int Line, string Url, FailureKind Kind)[] Broken =
    {
        ("README.md", 13, "guide/faq.md", FailureKind.MissingFile),                 // in a table
        ("README.md", 14, "old/page.md", FailureKind.MissingFile),
        ("README.md", 16, "guide/setup.md#uninstall", FailureKind.MissingFragment), // in a list
        ("README.md", 17, "Guide/Setup.md", FailureKind.MissingFile),               // exact case by default
        ("README.md", 18, "../outside.md", FailureKind.OutsideRoot),
        ("README.md", 19, "guide/nowhere.md", FailureKind.MissingFile),             // a reference link, at its use
        ("README.md", 29, "guide/missing.html", FailureKind.MissingFile),           // raw HTML
        ("README.md", 30, "images/missing.png", FailureKind.MissingFile),
        ("README.md", 36, "images/nowhere.png", FailureKind.MissingFile),           // a definition no link uses
        ("guide/setup.md", 22, "guide/setup.md#duplicate-2", FailureKind.MissingFragment),
        ("site/index.html", 8, "site/page.html#nope", FailureKind.MissingFragment), // through <base href="/site/">
        ("site/index.html", 9, "site/missing.html", FailureKind.MissingFile),
    };

    [Fact]
    public void OfflineEveryBrokenLocalLinkIsFoundWithItsFileAndLineAndNothingElse()
    {
        var (sink, summary, results) = DocsFixture.Run(DocsFixture.Settings(DocsFixture.Folder, s => s.Offline = true));

        Assert.Empty(sink.Errors);
        Assert.Equal(0, sink.OffThreadCalls);
        var found = results.Select(r => (r.SourceUrl, r.Line, r.Url, r.FailureKind)).OrderBy(r => r.SourceUrl).ThenBy(r => r.Line).ToList();
        Assert.Equal(Broken.OrderBy(r => r.File).ThenBy(r => r.Line).ToList(), found);
        Assert.All(results, r => Assert.Equal(LinkStatus.Broken, r.Status));
        Assert.All(results, r => Assert.Equal(new Uri(Path.Combine(DocsFixture.Folder, r.SourceUrl)).AbsoluteUri, r.SourceFile));
        Assert.Equal(7, summary.Pages);
        Assert.Equal(12, summary.Broken);
        Assert.Equal(0, summary.Requests);
        Assert.Contains("7 files read", Assert.Single(sink.Information));
    }

    [Fact]
    public void AMissingFileNamesTheResolvedPath()
    {
        var (_, _, results) = DocsFixture.Run(DocsFixture.Settings(DocsFixture.Folder, s => s.Offline = true));
        var missing = Assert.Single(results, r => r.Url == "guide/faq.md");
        Assert.Contains("'guide/faq.md'", missing.Reason);
        Assert.Equal("questions", missing.LinkText);
        Assert.Equal("a", missing.Element);
        var outside = Assert.Single(results, r => r.FailureKind == FailureKind.OutsideRoot);
        Assert.Contains("climbs out of the root folder", outside.Reason);
        var image = Assert.Single(results, r => r.Url == "images/missing.png");
        Assert.Equal(("img", "src", "missing image"), (image.Element, image.Attribute, image.LinkText));
    }

    [Fact]
    public void EveryGoodLinkFormIsOkAndCodeIsNotALink()
    {
        var (_, _, results) = DocsFixture.Run(DocsFixture.Settings(DocsFixture.Folder, s => { s.Offline = true; s.Crawl = s.Crawl with { IncludeAll = true, IncludeSkipped = true }; }));

        string Verdict(string file, int line, string url) =>
            Assert.Single(results, r => r.SourceUrl == file && r.Line == line && r.Url == url).Status.ToString();

        Assert.Equal("Ok", Verdict("README.md", 3, "guide/"));                          // a folder, through its README.md
        Assert.Equal("guide/README.md", Assert.Single(results, r => r.SourceUrl == "README.md" && r.Url == "guide/").FinalUrl);
        Assert.Equal("Ok", Verdict("README.md", 3, "guide/setup.md"));
        Assert.Equal("Ok", Verdict("README.md", 4, "guide/setup.md#install-on-linux"));
        Assert.Equal("Ok", Verdict("README.md", 4, "guide/setup#install-on-linux"));   // ".md" left out, as wikis write it
        Assert.Equal("Ok", Verdict("README.md", 5, "reference/"));
        Assert.Equal("Ok", Verdict("README.md", 5, "reference/api"));
        Assert.Equal("Ok", Verdict("README.md", 6, "images/architecture.png"));
        Assert.Equal("Ok", Verdict("README.md", 6, "guide/setup.md"));                 // root-relative
        Assert.Equal("Ok", Verdict("README.md", 7, "README.md#project-documentation"));
        Assert.Equal("Ok", Verdict("README.md", 7, "README.md#notes-1"));               // the second "Notes"
        Assert.Equal("Ok", Verdict("README.md", 7, "README.md#Project-Documentation")); // heading anchors in any case
        Assert.Equal("Ok", Verdict("README.md", 19, "guide/setup.md"));                 // reference link
        Assert.Equal("Skipped", Verdict("README.md", 32, "mailto:docs@127.0.0.1"));
        var offline = Assert.Single(results, r => r.Url == "http://127.0.0.1:9/unreachable");
        Assert.Equal((LinkStatus.Skipped, FailureKind.Offline, "offline", 32), (offline.Status, offline.FailureKind, offline.Reason, offline.Line));

        Assert.Equal("Ok", Verdict("guide/setup.md", 18, "guide/setup.md#héllo-wörld--émoji"));
        Assert.Equal("Ok", Verdict("guide/setup.md", 19, "guide/setup.md#h%C3%A9llo-w%C3%B6rld--%C3%A9moji"));
        Assert.Equal("Ok", Verdict("guide/setup.md", 20, "guide/setup.md#install-on-windows-powershell-7"));
        Assert.Equal("Ok", Verdict("guide/setup.md", 21, "guide/setup.md#duplicate-1"));
        Assert.Equal("Ok", Verdict("guide/setup.md", 23, "guide/setup.md#legacy-anchor"));
        Assert.Equal("Ok", Verdict("guide/setup.md", 24, "guide/setup.md#explicit-id"));
        Assert.Equal("Ok", Verdict("guide/setup.md", 25, "README.md#notes"));
        Assert.Equal("README.md", Assert.Single(results, r => r.SourceUrl == "guide/setup.md" && r.Url == "/").FinalUrl);
        Assert.Equal("Ok", Verdict("reference/api.md", 3, "reference/"));
        Assert.Equal("Ok", Verdict("reference/api.md", 3, "guide/setup.md#duplicate"));
        Assert.Equal("Ok", Verdict("site/index.html", 6, "site/page.html"));
        Assert.Equal("Ok", Verdict("site/index.html", 7, "site/page.html#section"));
        Assert.Equal("Ok", Verdict("site/index.html", 10, "images/architecture.png"));
        Assert.Equal("Ok", Verdict("site/index.html", 11, "site/index.html#top-heading"));

        Assert.DoesNotContain(results, r => r.Url.Contains("missing-in-code") || r.Url.Contains("missing-in-fence"));
    }

    [Fact]
    public void IgnoringPathCaseFindsAFileWrittenInAnotherCase()
    {
        var (_, _, results) = DocsFixture.Run(DocsFixture.Settings(DocsFixture.Folder, s => { s.Offline = true; s.IgnorePathCase = true; }));
        Assert.DoesNotContain(results, r => r.Url == "Guide/Setup.md");
        Assert.Equal(11, results.Count);
    }

    [Fact]
    public void AFileGivenAloneIsCheckedAgainstItsFolderAndRootRelativeLinksUseRootPath()
    {
        var settings = DocsFixture.Settings(Path.Combine(DocsFixture.Folder, "site", "index.html"), s => s.Offline = true);
        var (_, summary, results) = DocsFixture.Run(settings);
        Assert.Equal(1, summary.Pages);
        // The root is the file's folder, so <base href="/site/"> points at site/site/: every link through it is missing.
        Assert.Equal(5, results.Count);
        Assert.All(results, r => Assert.Equal(FailureKind.MissingFile, r.FailureKind));
        Assert.All(results, r => Assert.Equal("index.html", r.SourceUrl));

        var rooted = DocsFixture.Settings(Path.Combine(DocsFixture.Folder, "site", "index.html"), s => { s.Offline = true; s.RootPath = DocsFixture.Folder; });
        var (_, _, rootedResults) = DocsFixture.Run(rooted);
        Assert.Equal(new[] { ("site/index.html", 8), ("site/index.html", 9) }, rootedResults.Select(r => (r.SourceUrl, r.Line)).OrderBy(x => x.Line).ToArray());
    }

    [Fact]
    public void APathThatDoesNotExistIsAnErrorNamingItAndTheOthersAreStillChecked()
    {
        string missing = Path.Combine(DocsFixture.Folder, "no-such-folder");
        var settings = DocsFixture.Settings(Path.Combine(DocsFixture.Folder, "guide"), s => { s.Offline = true; s.RootPath = DocsFixture.Folder; s.Paths.Add(missing); });
        var (sink, summary, _) = DocsFixture.Run(settings);
        var error = Assert.Single(sink.Errors);
        Assert.Contains(missing, error.Exception.Message);
        Assert.Equal(2, summary.Pages);
    }
}
