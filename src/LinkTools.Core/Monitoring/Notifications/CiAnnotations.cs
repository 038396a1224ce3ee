using System;
using LinkTools.Core.Text;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>Error lines a CI system shows on the run: Azure DevOps (TF_BUILD) and GitHub Actions (GITHUB_ACTIONS).</summary>
    public sealed class CiAnnotations
    {
        private enum Provider { None, AzureDevOps, GitHubActions }

        private readonly Provider _provider;

        private CiAnnotations(Provider provider) => _provider = provider;

        public static CiAnnotations None { get; } = new CiAnnotations(Provider.None);

        public bool Enabled => _provider != Provider.None;

        /// <summary>Picks the CI system from the environment, as its agents set it.</summary>
        public static CiAnnotations FromEnvironment(Func<string, string?> getVariable)
        {
            if (IsTrue(getVariable("TF_BUILD"))) return new CiAnnotations(Provider.AzureDevOps);
            if (IsTrue(getVariable("GITHUB_ACTIONS"))) return new CiAnnotations(Provider.GitHubActions);
            return None;
        }

        /// <summary>The error line for a Down site, or null when not in CI. Site text is neutralised so it cannot add commands.</summary>
        public string? DownLine(SiteStateChange change)
        {
            string text = ConsoleText.Neutralize($"{change.Name} ({change.Url}) is Down: {change.Error}".TrimEnd(' ', ':'));
            switch (_provider)
            {
                case Provider.AzureDevOps:
                    return "##vso[task.logissue type=error]" + text;
                case Provider.GitHubActions:
                    // Workflow command data escapes %, CR and LF.
                    return "::error::" + text.Replace("%", "%25").Replace("\r", "%0D").Replace("\n", "%0A");
                default:
                    return null;
            }
        }

        private static bool IsTrue(string? value) =>
            !string.IsNullOrEmpty(value) && !value!.Equals("false", StringComparison.OrdinalIgnoreCase) && value != "0";
    }
}
