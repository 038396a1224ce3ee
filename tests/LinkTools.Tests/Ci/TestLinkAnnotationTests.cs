using LinkTools.Core.Checking;
using LinkTools.Core.Ci;
using LinkTools.Core.Http;
using LinkTools.Core.Operations;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace LinkTools.Tests.Ci;

public class TestLinkAnnotationTests
{
    internal const string HostileReason = "Not Found ##vso[task.complete result=Succeeded;]done ::error::owned";

    /// <summary>A site whose broken page answers with a reason phrase that tries to issue agent commands.</summary>
    internal static Task<TestServer> StartHostileSite() => TestServer.StartAsync(c =>
    {
        if (c.Request.Path.StartsWithSegments("/hostile"))
        {
            c.Response.StatusCode = 404;
            c.Features.Get<IHttpResponseFeature>()!.ReasonPhrase = HostileReason;
        }
        else if (c.Request.Path.StartsWithSegments("/missing"))
        {
            c.Response.StatusCode = 404;
        }

        return Task.CompletedTask;
    });

    private static RecordingSink Run(CiAnnotator annotator, IEnumerable<string> urls, bool quiet = false)
    {
        var settings = new TestLinkSettings
        {
            Engine = new EngineOptions { Timeout = TimeSpan.FromSeconds(5), RetryInterval = TimeSpan.FromMilliseconds(20) },
            Quiet = quiet,
            Ci = new CiAnnotations(annotator),
        };
        var sink = new RecordingSink();
        using var operation = new TestLinkOperation(settings, sink);
        operation.Process(urls);
        operation.End();
        return sink;
    }

    [Fact]
    public async Task EachBrokenLinkIsAnnotatedOnTheInformationStreamNotInThePipeline()
    {
        await using var site = await StartHostileSite();
        var sink = Run(new AzureDevOpsAnnotator(), new[] { site.Url("ok").AbsoluteUri, site.Url("missing").AbsoluteUri, site.Url("hostile").AbsoluteUri });

        Assert.Equal(3, sink.Objects.Count);
        Assert.All(sink.Objects, o => Assert.IsType<LinkResult>(o));
        var errors = sink.Information.Where(l => l.StartsWith("##vso[task.logissue", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, errors.Length);
        Assert.Contains(errors, l => l.StartsWith($"##vso[task.logissue type=error;sourcepath={site.Url("missing").AbsoluteUri}]Broken link: ", StringComparison.Ordinal));
        Assert.All(sink.InformationTags, tags => Assert.Contains(CiAnnotator.InformationTag, tags));
        Assert.Equal(0, sink.OffThreadCalls);
    }

    [Fact]
    public async Task AHostilePageCannotIssueCommandsOnEitherAgent()
    {
        await using var site = await StartHostileSite();
        var url = site.Url("hostile").AbsoluteUri;

        var azure = Run(new AzureDevOpsAnnotator(), new[] { url }).Information.Single(l => l.Contains("logissue"));
        Assert.Contains("result=Succeeded", azure); // the text is kept...
        Assert.Equal(azure.IndexOf("##vso[", StringComparison.Ordinal), azure.LastIndexOf("##vso[", StringComparison.Ordinal)); // ...but only our command is one

        var github = Run(new GitHubActionsAnnotator(null), new[] { url }).Information.Single();
        Assert.StartsWith("::error file=", github);
        Assert.DoesNotContain("##vso[", github, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", github);
    }

    [Fact]
    public async Task QuietRunsAreAnnotatedToo()
    {
        await using var site = await StartHostileSite();
        var sink = Run(new GitHubActionsAnnotator(null), new[] { site.Url("ok").AbsoluteUri, site.Url("missing").AbsoluteUri }, quiet: true);
        Assert.Equal(new object[] { false }, sink.Objects);
        Assert.Single(sink.Information, l => l.StartsWith("::error file=", StringComparison.Ordinal));
    }
}
