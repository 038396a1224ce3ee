using System;
using System.Collections.Generic;
using LinkTools.Core.Settings;
using LinkTools.Model.Checking;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Checking
{
    /// <summary>
    /// How a link's answer is judged (-Method, -AcceptStatusCode), as opposed to how the engine talks to servers
    /// (<see cref="Http.EngineOptions"/>). Owned by what judges (<see cref="LinkChecker"/>, the crawl, the watch's
    /// checker) and passed with each probe, so the request path reads it from the call. Immutable; each value is
    /// checked as it is set.
    /// </summary>
    public sealed record CheckPolicy
    {
        private readonly HashSet<int> _accepted = new HashSet<int>();

        /// <summary>HEAD confirmed by GET, no status code accepted beyond the working ones.</summary>
        public static CheckPolicy Default { get; } = new CheckPolicy();

        /// <summary>How links are requested: HEAD confirmed by GET (Auto), HEAD only, or GET only.</summary>
        public CheckMethod Method { get; init; } = (CheckMethod)SettingDescriptions.Method.Default!;

        /// <summary>Status codes counted as not broken (for example 429, or 999 for some sites).</summary>
        public IReadOnlyCollection<int> AcceptStatusCodes
        {
            get => _accepted;
            init
            {
                var accepted = new HashSet<int>();
                foreach (int code in value) accepted.Add(SettingValidation.Between(code, SettingDescriptions.AcceptStatusCode, nameof(AcceptStatusCodes)));
                _accepted = accepted;
            }
        }

        /// <summary>True when <paramref name="status"/> is one of <see cref="AcceptStatusCodes"/>.</summary>
        public bool Accepts(int status) => _accepted.Contains(status);
    }
}
