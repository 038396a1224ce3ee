using System.CommandLine;
using LinkTools.Cli;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;
using LinkTools.Core.Operations;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;
using LinkTools.PowerShell.Commands;
using static LinkTools.Tests.Cmdlets.CmdletContractTests;

namespace LinkTools.Tests.Cmdlets;

/// <summary>
/// One set of watch defaults (WatchDefaults) for every front end: the cmdlet's parameter initializer, the CLI option's
/// default and the engine's own setting all equal the constant, so a watch run without the option behaves the same
/// from PowerShell, from the command line and from code.
/// </summary>
public class DefaultContractTests
{
    /// <summary>CLI option, cmdlet parameter, the engine's default in the option's unit, and the constant they must share.</summary>
    public static TheoryData<string, string, Func<long>, long> Defaults() => new()
    {
        { "--interval-sec", "IntervalSec", () => (long)new WatchSettings().Interval.TotalSeconds, WatchDefaults.IntervalSec },
        { "--timeout-sec", "TimeoutSec", () => (long)new WatchSettings().Engine.Timeout.TotalSeconds, WatchDefaults.TimeoutSec },
        { "--retry", "Retry", () => new WatchSettings().Checks.Retry, WatchDefaults.Retry },
        { "--failure-threshold", "FailureThreshold", () => new WatchSettings().States.FailureThreshold, WatchDefaults.FailureThreshold },
        { "--success-threshold", "SuccessThreshold", () => new WatchSettings().States.SuccessThreshold, WatchDefaults.SuccessThreshold },
        { "--min-certificate-days", "MinCertificateDays", () => new WatchSettings().Checks.MinCertificateDays, WatchDefaults.MinCertificateDays },
        { "--notify-batch-sec", "NotifyBatch", () => (long)new WatchSettings().NotifyBatch.TotalSeconds, WatchDefaults.NotifyBatchSec },
        { "--notification-timeout-sec", "NotificationTimeoutSec", () => (long)new WatchSettings().NotifierTimeout.TotalSeconds, WatchDefaults.NotificationTimeoutSec },
        { "--smtp-port", "SmtpPort", () => new SmtpSettings().Port, WatchDefaults.SmtpPort },
    };

    [Theory]
    [MemberData(nameof(Defaults))]
    public void CmdletDefaultIsTheSharedConstant(string option, string parameter, Func<long> engine, long expected)
    {
        _ = (option, engine);
        Assert.Equal(expected, CmdletDefault(parameter));
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public void CliDefaultIsTheSharedConstant(string option, string parameter, Func<long> engine, long expected)
    {
        _ = (parameter, engine);
        Assert.Equal(expected, CliDefault<int>(option));
    }

    [Theory]
    [MemberData(nameof(Defaults))]
    public void EngineDefaultIsTheSharedConstant(string option, string parameter, Func<long> engine, long expected)
    {
        _ = (option, parameter);
        Assert.Equal(expected, engine());
    }

    [Fact]
    public void WebhookFormatDefaultsToTheSharedConstantInBothFrontEnds()
    {
        Assert.Equal(WatchDefaults.WebhookFormat, new WatchWebsiteCommand().WebhookFormat);
        Assert.Equal(WatchDefaults.WebhookFormat, CliDefault<WebhookFormat>("--webhook-format"));
    }

    /// <summary>The cmdlet's value before binding: what its initializer (or constructor) set, in the option's unit.</summary>
    private static long CmdletDefault(string parameter) => Param(typeof(WatchWebsiteCommand), parameter).GetValue(new WatchWebsiteCommand()) switch
    {
        int value => value,
        TimeSpan span => (long)span.TotalSeconds,
        var other => throw new Xunit.Sdk.XunitException($"Watch-Website -{parameter} is a {other?.GetType().Name}, not a number or a TimeSpan"),
    };

    /// <summary>The value `linktools watch` gets for an option the command line leaves out.</summary>
    private static T CliDefault<T>(string option)
    {
        var parse = Program.BuildRoot().Parse(new[] { "watch", "http://127.0.0.1:1/" });
        Assert.Empty(parse.Errors);
        return parse.GetValue<T>(option)!;
    }
}
