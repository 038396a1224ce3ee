using System.CommandLine;
using LinkTools.Cli.Commands;
using LinkTools.Core.Demo;
using LinkTools.Core.Http;
using LinkTools.PowerShell.Commands;

namespace LinkTools.Tests.Crawling;

/// <summary>The demo's engine timings come from one place for the CLI's demo and crawl --demo and the cmdlets' -Demo.</summary>
public class DemoEngineSettingsTests
{
    [Fact]
    public void TheDemoTimingsReplaceTheEngineDefaults()
    {
        var options = DemoEngineSettings.Apply(new EngineOptions());
        Assert.Equal(DemoEngineSettings.Timeout, options.Timeout);
        Assert.Equal(DemoEngineSettings.RetryInterval, options.RetryInterval);
        Assert.NotEqual(TimeSpan.FromSeconds(EngineOptions.DefaultTimeoutSec), DemoEngineSettings.Timeout);
        Assert.NotEqual(TimeSpan.FromSeconds(EngineOptions.DefaultRetryIntervalSec), DemoEngineSettings.RetryInterval);
    }

    [Theory]
    [InlineData(new string[0], false, false)]
    [InlineData(new[] { "--timeout-sec", "9" }, true, false)]
    [InlineData(new[] { "--retry-interval-sec", "3" }, false, true)]
    public void TheCliKeepsTimingsGivenOnTheCommandLine(string[] args, bool timeoutKept, bool retryIntervalKept)
    {
        var set = new EngineOptionSet();
        var command = new Command("crawl");
        set.AddTo(command);
        var parse = command.Parse(args);
        Assert.Empty(parse.Errors);
        var built = set.Build(parse, out _);

        var options = set.ApplyDemoSettings(parse, built!);

        Assert.Equal(timeoutKept ? TimeSpan.FromSeconds(9) : DemoEngineSettings.Timeout, options.Timeout);
        Assert.Equal(retryIntervalKept ? TimeSpan.FromSeconds(3) : DemoEngineSettings.RetryInterval, options.RetryInterval);
    }

    [Theory]
    [InlineData(new string[0], false, false)]
    [InlineData(new[] { "TimeoutSec", "Demo" }, true, false)]
    [InlineData(new[] { "RetryIntervalSec" }, false, true)]
    public void TheCmdletsKeepBoundTimingParameters(string[] bound, bool timeoutKept, bool retryIntervalKept)
    {
        var given = new EngineOptions { Timeout = TimeSpan.FromSeconds(9), RetryInterval = TimeSpan.FromSeconds(3) };

        var options = LinkCheckCmdletBase.ApplyDemoSettings(given, bound);

        Assert.Equal(timeoutKept ? TimeSpan.FromSeconds(9) : DemoEngineSettings.Timeout, options.Timeout);
        Assert.Equal(retryIntervalKept ? TimeSpan.FromSeconds(3) : DemoEngineSettings.RetryInterval, options.RetryInterval);
    }
}
