using System;
using LinkTools.Core.Settings;
using Xunit;

namespace LinkTools.Tests.Http;

public class SettingValidationTests
{
    [Fact]
    public void ARefusalNamesTheSettingAndReadsCleanlyWithoutTheRuntimesSuffix()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => SettingValidation.BetweenSeconds(TimeSpan.FromSeconds(600.5), 0, 600, "DelayPerHost"));

        Assert.Equal("DelayPerHost", refused.ParamName);
        Assert.Contains("DelayPerHost", refused.Message.Substring("DelayPerHost must".Length)); // the runtime appends the name again
        Assert.Equal("DelayPerHost must be between 0 and 600 seconds; got 600.5 s.", SettingValidation.MessageOf(refused));
    }

    [Fact]
    public void BoundsAreInclusiveAndDurationsKeepTheirSign()
    {
        SettingValidation.Between(1024, 1, 1024, "ThrottleLimit");
        SettingValidation.Span(TimeSpan.Zero, TimeSpan.FromDays(1), positive: false, "NotifyBatch");

        Assert.Throws<ArgumentOutOfRangeException>(() => SettingValidation.Between(1025, 1, 1024, "ThrottleLimit"));
        var zero = Assert.Throws<ArgumentOutOfRangeException>(() => SettingValidation.Span(TimeSpan.Zero, null, positive: true, "Duration"));
        Assert.StartsWith("Duration must be positive; got ", SettingValidation.MessageOf(zero));
    }

    [Theory]
    [InlineData("X-Inj", "a\r\nInjected: 1", "line break")]
    [InlineData("X-Inj", "a\nInjected: 1", "line break")]
    [InlineData("X Bad", "1", "not a valid header name")]
    [InlineData("X-Bad:", "1", "not a valid header name")]
    [InlineData("", "1", "empty")]
    [InlineData("Content-Length", "5", "HTTP stack")]
    [InlineData("host", "127.0.0.2", "HTTP stack")]
    [InlineData("Transfer-Encoding", "chunked", "HTTP stack")]
    public void AHeaderThatCannotBeSentIsRefusedByName(string name, string value, string why)
    {
        var refused = Assert.ThrowsAny<ArgumentException>(() => new LinkTools.Core.Http.EngineOptions { Headers = new Dictionary<string, string> { [name] = value } });

        Assert.Equal("Headers", refused.ParamName);
        Assert.Contains(why, refused.Message);
        if (name.Length > 0) Assert.Contains("'" + name + "'", refused.Message);
    }

    [Fact]
    public void OrdinaryHeadersPass()
    {
        var options = new LinkTools.Core.Http.EngineOptions
        {
            Headers = new Dictionary<string, string> { ["X-Api-Key"] = "k 1", ["Accept-Language"] = "en", ["Authorization"] = "Bearer a.b.c" },
        };
        Assert.Equal(3, options.Headers.Count);
    }

    [Fact]
    public void AnErrorNamingNoParameterKeepsItsMessage()
    {
        Assert.Equal("'[' is not a valid regular expression", SettingValidation.MessageOf(new ArgumentException("'[' is not a valid regular expression")));
    }
}
