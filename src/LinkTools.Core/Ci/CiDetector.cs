using System;
using System.Collections.Generic;

namespace LinkTools.Core.Ci
{
    /// <summary>Finds the CI agent a command runs under from its environment variables.</summary>
    public static class CiDetector
    {
        /// <summary>
        /// TF_BUILD=True means an Azure Pipelines agent and GITHUB_ACTIONS=true a GitHub runner; null elsewhere.
        /// The environment is passed in so tests never touch the process's own.
        /// </summary>
        public static CiAnnotator? Detect(IReadOnlyDictionary<string, string?> environment)
        {
            if (IsTrue(environment, "TF_BUILD")) return new AzureDevOpsAnnotator();
            if (IsTrue(environment, "GITHUB_ACTIONS"))
            {
                environment.TryGetValue("GITHUB_STEP_SUMMARY", out var summary);
                return new GitHubActionsAnnotator(string.IsNullOrWhiteSpace(summary) ? null : summary);
            }

            return null;
        }

        /// <summary>The variables <see cref="Detect"/> reads, from the current process's environment.</summary>
        public static IReadOnlyDictionary<string, string?> ProcessEnvironment() => Environment(System.Environment.GetEnvironmentVariable);

        /// <summary>The variables <see cref="Detect"/> reads, from <paramref name="getVariable"/>.</summary>
        public static IReadOnlyDictionary<string, string?> Environment(Func<string, string?> getVariable)
        {
            var variables = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in new[] { "TF_BUILD", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY" }) variables[name] = getVariable(name);
            return variables;
        }

        private static bool IsTrue(IReadOnlyDictionary<string, string?> environment, string name) =>
            environment.TryGetValue(name, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
    }
}
