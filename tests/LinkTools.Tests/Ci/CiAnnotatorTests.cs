using LinkTools.Core.Checking;
using LinkTools.Core.Ci;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Ci;

public class CiAnnotatorTests
{
    [Fact]
    public void AzureDevOpsEscapesDataAndProperties()
    {
        Assert.Equal("100%AZP25 done next", AzureDevOpsAnnotator.Data("100% done\r\nnext"));
        Assert.Equal("a%3Bb%5Dc%AZP25d", AzureDevOpsAnnotator.Property("a;b]c%d"));
    }

    [Fact]
    public void AzureDevOpsDataKeepsNewlinesEscapedWhenNotNeutralised()
    {
        // Neutralize turns CR/LF into a space first, so no raw line break can ever end a command early.
        Assert.DoesNotContain("\n", AzureDevOpsAnnotator.Data("a\nb"));
        Assert.DoesNotContain("\r", AzureDevOpsAnnotator.Property("a\rb"));
    }

    [Fact]
    public void GitHubEscapesDataAndProperties()
    {
        Assert.Equal("50%25", GitHubActionsAnnotator.Data("50%"));
        Assert.Equal("http%3A//x/a%2Cb%25", GitHubActionsAnnotator.Property("http://x/a,b%"));
    }

    [Fact]
    public void AzureDevOpsCommandsHaveTheAgentsShape()
    {
        var azure = new AzureDevOpsAnnotator();
        Assert.Equal("##vso[task.logissue type=error;sourcepath=http://h/p%3Bq]Broken link: gone", azure.Error("http://h/p;q", "Broken link", "gone"));
        Assert.Equal("##vso[task.setprogress value=42;]Test-Link", azure.Progress(42, "Test-Link"));
        Assert.Equal("##vso[task.uploadsummary]/tmp/r.md", azure.AttachSummary("/tmp/r.md"));
    }

    [Fact]
    public void GitHubCommandsHaveTheRunnersShape()
    {
        var github = new GitHubActionsAnnotator(null);
        Assert.Equal("::error file=http%3A//h/p,title=Broken link::gone", github.Error("http://h/p", "Broken link", "gone"));
        Assert.Null(github.Progress(42, "Test-Link"));
        Assert.Null(github.AttachSummary("/nonexistent/r.md"));
    }

    [Fact]
    public void GitHubSummaryIsAppendedToTheStepSummaryFile()
    {
        var dir = Directory.CreateTempSubdirectory("linktools-ci-");
        try
        {
            var summary = Path.Combine(dir.FullName, "summary.md");
            File.WriteAllText(summary, "earlier step\n");
            var report = Path.Combine(dir.FullName, "report.md");
            File.WriteAllText(report, "# Links\n");
            Assert.Null(new GitHubActionsAnnotator(summary).AttachSummary(report));
            var text = File.ReadAllText(summary);
            Assert.StartsWith("earlier step\n", text);
            Assert.Contains("# Links", text);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void WebTextCannotIssueACommand()
    {
        var hostile = new LinkResult
        {
            Url = "http://127.0.0.1/x;y]z",
            Status = LinkStatus.Broken,
            StatusCode = 404,
            Reason = "HTTP 404 ##vso[task.complete result=Succeeded;]done\n::error::owned\r\n##[section]x",
        };
        var azure = new CiAnnotations(new AzureDevOpsAnnotator()).ErrorFor(hostile)!;
        Assert.StartsWith("##vso[task.logissue type=error;sourcepath=http://127.0.0.1/x%3By%5Dz]", azure);
        Assert.Equal(1, Occurrences(azure, "##vso["));
        Assert.DoesNotContain("##[", azure, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", azure);

        var github = new CiAnnotations(new GitHubActionsAnnotator(null)).ErrorFor(hostile)!;
        Assert.StartsWith("::error file=http%3A//127.0.0.1/x;y]z,title=Broken link::", github);
        Assert.DoesNotContain("##vso[", github, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", github);
    }

    [Fact]
    public void OnlyFailedResultsAreAnnotatedAndUserInfoIsRedacted()
    {
        var annotations = new CiAnnotations(new AzureDevOpsAnnotator());
        Assert.Null(annotations.ErrorFor(new LinkResult { Url = "http://h/", Status = LinkStatus.Ok }));
        Assert.Null(annotations.ErrorFor(new LinkResult { Url = "http://h/", Status = LinkStatus.Unverifiable }));
        Assert.Null(annotations.ErrorFor("not a result"));
        var line = annotations.ErrorFor(new LinkResult { Url = "http://user:secret@h/", Status = LinkStatus.Broken, Reason = "HTTP 401" })!;
        Assert.DoesNotContain("secret", line);
    }

    [Fact]
    public void SinkAddsAnnotationsBesideObjectsAndProgressOnlyWhenThePercentageMoves()
    {
        var inner = new RecordingSink();
        var sink = new CiAnnotatingSink(inner, new CiAnnotations(new AzureDevOpsAnnotator()));
        sink.WriteObject(new LinkResult { Url = "http://h/a", Status = LinkStatus.Broken, Reason = "HTTP 404" });
        sink.WriteObject(new LinkResult { Url = "http://h/b", Status = LinkStatus.Ok });
        sink.WriteProgress(new ProgressInfo(1, "Test-Link", "x") { PercentComplete = -1 });
        sink.WriteProgress(new ProgressInfo(1, "Test-Link", "x") { PercentComplete = 50 });
        sink.WriteProgress(new ProgressInfo(1, "Test-Link", "x") { PercentComplete = 50 });
        sink.WriteProgress(new ProgressInfo(1, "Test-Link", "x") { PercentComplete = 90, Completed = true });

        Assert.Equal(2, inner.Objects.Count);
        Assert.Equal(4, inner.Progress.Count);
        Assert.Equal(new[]
        {
            "##vso[task.logissue type=error;sourcepath=http://h/a]Broken link: http://h/a: HTTP 404",
            "##vso[task.setprogress value=50;]Test-Link",
            "##vso[task.setprogress value=100;]Test-Link",
        }, inner.Information);
        Assert.All(inner.InformationTags, tags => Assert.Contains(CiAnnotator.InformationTag, tags));
    }

    private static int Occurrences(string text, string value)
    {
        int count = 0;
        for (int i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
