using LinkTools.Core.Ci;

namespace LinkTools.Tests.Ci;

public class CiDetectorTests
{
    private static Dictionary<string, string?> Env(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => (string?)v.Value, StringComparer.OrdinalIgnoreCase);

    [Fact]
    public void AzureDevOpsIsFoundByTfBuild() =>
        Assert.IsType<AzureDevOpsAnnotator>(CiDetector.Detect(Env(("TF_BUILD", "True"))));

    [Fact]
    public void GitHubActionsIsFoundByGitHubActions() =>
        Assert.IsType<GitHubActionsAnnotator>(CiDetector.Detect(Env(("GITHUB_ACTIONS", "true"), ("GITHUB_STEP_SUMMARY", "/tmp/summary.md"))));

    [Fact]
    public void NothingOutsideCiOrWhenTheVariableIsNotTrue()
    {
        Assert.Null(CiDetector.Detect(Env()));
        Assert.Null(CiDetector.Detect(Env(("TF_BUILD", "False"), ("GITHUB_ACTIONS", ""))));
    }
}
