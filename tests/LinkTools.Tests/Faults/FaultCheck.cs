using System.Net.Http;
using LinkTools.Core.Checking;
using LinkTools.Core.Http;
using LinkTools.Model.Checking;

namespace LinkTools.Tests.Faults;

/// <summary>Runs one URL through the engine or the link checker under the fault invariants.</summary>
public static class FaultCheck
{
    /// <param name="checks">How the link is asked and judged; HEAD confirmed by GET when null.</param>
    public static Task<LinkResult> LinkAsync(EngineOptions options, Uri uri, TimeSpan? bound = null, CheckPolicy? checks = null) =>
        Invariants.WithinAsync(bound ?? FaultOptions.CaseBound, async () =>
        {
            using var engine = new FetchEngine(options);
            engine.TrustedOrigins.Add(uri);
            return await new LinkChecker(engine, checks).CheckAsync(uri, CancellationToken.None);
        });

    public static Task<FetchOutcome> FetchAsync(EngineOptions options, Uri uri, bool readBody, HttpMethod? method = null, TimeSpan? bound = null) =>
        Invariants.WithinAsync(bound ?? FaultOptions.CaseBound, async () =>
        {
            using var engine = new FetchEngine(options);
            engine.TrustedOrigins.Add(uri);
            return await engine.FetchAsync(uri, method ?? HttpMethod.Get, readBody, CancellationToken.None);
        });
}
