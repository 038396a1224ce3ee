using System.Reflection;
using LinkTools.Core.Caching;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Operations;
using LinkTools.Core.Settings;

namespace LinkTools.Tests.Http;

/// <summary>
/// Settings objects are immutable and checked as they are built, so an invalid one cannot exist; the engine's options
/// say only how to talk to servers (how an answer is judged is the check's policy).
/// </summary>
public class ImmutableSettingsTests
{
    // By name: the watch's own check policy and the link check's are two types with two names.
    private static readonly string[] SettingsTypes =
    {
        "LinkTools.Core.Http.EngineOptions",
        "LinkTools.Core.Checking.CheckPolicy",
        "LinkTools.Core.Crawling.CrawlSettings",
        "LinkTools.Core.Operations.TestLinkSettings",
        "LinkTools.Core.Operations.WatchSettings",
        "LinkTools.Core.Monitoring.Checks.SiteCheckPolicy",
        "LinkTools.Core.Monitoring.States.TrackerPolicy",
        "LinkTools.Core.Caching.ResultCacheSettings",
    };

    public static TheoryData<string> Types()
    {
        var data = new TheoryData<string>();
        foreach (var name in SettingsTypes) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void EveryPropertyIsSetOnlyWhileTheObjectIsBuilt(string typeName)
    {
        var type = typeof(EngineOptions).Assembly.GetType(typeName);
        Assert.True(type != null, typeName + " does not exist");
        var mutable = new List<string>();
        foreach (var property in type!.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var setter = property.GetSetMethod();
            bool initOnly = setter == null || setter.ReturnParameter.GetRequiredCustomModifiers().Any(m => m.FullName == "System.Runtime.CompilerServices.IsExternalInit");
            if (!initOnly) mutable.Add(property.Name + " has a setter");
            if (IsMutableCollection(property.PropertyType)) mutable.Add(property.Name + " is a " + property.PropertyType.Name + " anyone can change");
        }

        Assert.Empty(mutable);
    }

    [Fact]
    public void AValueOutOfBoundsIsRefusedAsTheObjectIsBuiltNamingTheSetting()
    {
        var refusals = new (Func<object> Build, string Setting, string Message)[]
        {
            (() => new EngineOptions { ThrottleLimit = 0 }, "ThrottleLimit", "ThrottleLimit must be between 1 and 1024; got 0."),
            (() => new EngineOptions { DelayPerHost = TimeSpan.FromSeconds(601) }, "DelayPerHost", "DelayPerHost must be between 0 and 600 seconds; got 601 s."),
            (() => new CrawlSettings { MaxDepth = -2 }, "MaxDepth", "MaxDepth must be between 0 and 1000; got -2."),
            (() => new CrawlSettings { MaxPages = 0 }, "MaxPages", null!),
            (() => new WatchSettings { Interval = TimeSpan.Zero }, "Interval", null!),
            (() => new WatchSettings { Count = 0 }, "Count", null!),
            (() => new TrackerPolicy { FailureThreshold = 0 }, "FailureThreshold", null!),
            (() => new ResultCacheSettings("cache.json") { MaxAge = TimeSpan.FromSeconds(-1) }, "MaxCacheAge", null!),
        };

        foreach (var (build, setting, message) in refusals)
        {
            var refused = Assert.ThrowsAny<ArgumentException>(build);
            Assert.Equal(setting, refused.ParamName);
            if (message != null) Assert.Equal(message, SettingValidation.MessageOf(refused));
        }
    }

    [Fact]
    public void TheEnginesOptionsSayOnlyHowToTalkToServers()
    {
        // The method links are asked with and the status codes accepted are the check's (CheckPolicy), not the engine's.
        Assert.Null(typeof(EngineOptions).GetProperty("Method"));
        Assert.Null(typeof(EngineOptions).GetProperty("AcceptStatusCodes"));
    }

    private static bool IsMutableCollection(Type type)
    {
        if (type == typeof(string) || !typeof(System.Collections.IEnumerable).IsAssignableFrom(type)) return false;
        if (type.IsArray) return true;
        var definitions = (type.IsGenericType ? new[] { type } : Array.Empty<Type>()).Concat(type.GetInterfaces()).Where(i => i.IsGenericType).Select(i => i.GetGenericTypeDefinition());
        return !type.IsInterface || definitions.Any(d => d == typeof(ICollection<>) || d == typeof(IList<>) || d == typeof(ISet<>) || d == typeof(IDictionary<,>)) || type == typeof(System.Collections.IList);
    }
}
