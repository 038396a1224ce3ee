using System.Globalization;
using System.Management.Automation;
using LinkTools.Cli;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Http;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Checks;
using LinkTools.Core.Monitoring.States;
using LinkTools.Core.Operations;
using LinkTools.Model.Crawling;
using LinkTools.Model.Http;
using LinkTools.Model.Monitoring;
using LinkTools.PowerShell.Commands;
using LinkTools.Tests.Infrastructure;
using static LinkTools.Tests.Cmdlets.CmdletContractTests;

namespace LinkTools.Tests.Cmdlets;

/// <summary>
/// One set of bounds (EngineLimits, CrawlLimits, WatchLimits) for every front end: each cmdlet's [ValidateRange] is
/// exactly the constant pair, each CLI option accepts both ends and refuses one step past either naming itself, and
/// the engine's own validation refuses a value past the constant.
/// </summary>
public class LimitContractTests
{
    /// <summary>CLI command, option, cmdlet, parameter, and the bounds they must share.</summary>
    public static TheoryData<string, string, Type, string, long, long> Limits() => new()
    {
        { "check", "--throttle-limit", typeof(TestLinkCommand), "ThrottleLimit", EngineLimits.ThrottleLimitMin, EngineLimits.ThrottleLimitMax },
        { "check", "--max-concurrency-per-host", typeof(TestLinkCommand), "MaxConcurrencyPerHost", EngineLimits.MaxConcurrencyPerHostMin, EngineLimits.MaxConcurrencyPerHostMax },
        { "check", "--timeout-sec", typeof(TestLinkCommand), "TimeoutSec", EngineLimits.TimeoutSecMin, EngineLimits.TimeoutSecMax },
        { "check", "--maximum-redirection", typeof(TestLinkCommand), "MaximumRedirection", EngineLimits.MaximumRedirectionMin, EngineLimits.MaximumRedirectionMax },
        { "check", "--maximum-retry-count", typeof(TestLinkCommand), "MaximumRetryCount", EngineLimits.MaximumRetryCountMin, EngineLimits.MaximumRetryCountMax },
        { "check", "--retry-interval-sec", typeof(TestLinkCommand), "RetryIntervalSec", EngineLimits.RetryIntervalSecMin, EngineLimits.RetryIntervalSecMax },
        { "check", "--accept-status-code", typeof(TestLinkCommand), "AcceptStatusCode", EngineLimits.StatusCodeMin, EngineLimits.StatusCodeMax },
        { "crawl", "--max-pages", typeof(InvokeSiteCrawlCommand), "MaxPages", CrawlLimits.MaxPagesMin, CrawlLimits.MaxPagesMax },
        { "crawl", "--delay-sec", typeof(InvokeSiteCrawlCommand), "DelaySec", EngineLimits.DelaySecMin, EngineLimits.DelaySecMax },
        { "crawl", "--max-page-bytes", typeof(InvokeSiteCrawlCommand), "MaxPageBytes", EngineLimits.MaxBodyBytesMin, EngineLimits.MaxBodyBytesMax },
        { "watch", "--interval-sec", typeof(WatchWebsiteCommand), "IntervalSec", WatchLimits.IntervalSecMin, WatchLimits.IntervalSecMax },
        { "watch", "--retry", typeof(WatchWebsiteCommand), "Retry", WatchLimits.RetryMin, WatchLimits.RetryMax },
        { "watch", "--failure-threshold", typeof(WatchWebsiteCommand), "FailureThreshold", WatchLimits.FailureThresholdMin, WatchLimits.FailureThresholdMax },
        { "watch", "--success-threshold", typeof(WatchWebsiteCommand), "SuccessThreshold", WatchLimits.SuccessThresholdMin, WatchLimits.SuccessThresholdMax },
        { "watch", "--max-response-time-ms", typeof(WatchWebsiteCommand), "MaxResponseTimeMs", WatchLimits.MaxResponseTimeMsMin, WatchLimits.MaxResponseTimeMsMax },
        { "watch", "--min-certificate-days", typeof(WatchWebsiteCommand), "MinCertificateDays", WatchLimits.MinCertificateDaysMin, WatchLimits.MinCertificateDaysMax },
        { "watch", "--notification-timeout-sec", typeof(WatchWebsiteCommand), "NotificationTimeoutSec", WatchLimits.NotificationTimeoutSecMin, WatchLimits.NotificationTimeoutSecMax },
        { "watch", "--smtp-port", typeof(WatchWebsiteCommand), "SmtpPort", WatchLimits.SmtpPortMin, WatchLimits.SmtpPortMax },
        { "watch", "--count", typeof(WatchWebsiteCommand), "Count", WatchLimits.CountMin, WatchLimits.CountMax },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void CmdletRangesAreTheSharedConstants(string command, string option, Type cmdlet, string parameter, long min, long max)
    {
        _ = (command, option);
        var property = Param(cmdlet, parameter);
        var setting = Described(property) ?? throw new Xunit.Sdk.XunitException($"{cmdlet.Name} -{parameter} has no [Setting]");
        // The description's type is the parameter's: PowerShell compares the value as bound.
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Assert.Equal(type, setting.Type);
        Assert.Equal(min, setting.Min);
        Assert.Equal(max, setting.Max);
    }

    [Theory]
    [MemberData(nameof(Limits))]
    public void CliAcceptsBothEndsAndRefusesOneStepPastEitherNamingTheOption(string command, string option, Type cmdlet, string parameter, long min, long max)
    {
        _ = (cmdlet, parameter);
        Assert.Empty(ParseErrors(command, option, min));
        Assert.Empty(ParseErrors(command, option, max));
        Assert.Contains(ParseErrors(command, option, min - 1), e => e.Contains(option, StringComparison.Ordinal));
        // One past int.MaxValue is no int at all: the parser refuses it for that reason instead.
        if (max < int.MaxValue) Assert.Contains(ParseErrors(command, option, max + 1), e => e.Contains(option, StringComparison.Ordinal));
    }

    /// <summary>TimeSpan parameters ([ValidateRange] cannot hold them) and the CLI's whole-second options for them.</summary>
    public static TheoryData<string, string, string, long, long> TimeLimits() => new()
    {
        { "watch", "--notify-batch-sec", "NotifyBatch", WatchLimits.NotifyBatchSecMin, WatchLimits.NotifyBatchSecMax },
        { "watch", "--duration-sec", "Duration", WatchLimits.DurationSecMin, WatchLimits.DurationSecMax },
    };

    [Theory]
    [MemberData(nameof(TimeLimits))]
    public void TimeParametersHoldTheSharedBoundsOnBothFrontEnds(string command, string option, string parameter, long min, long max)
    {
        Assert.Equal(typeof(TimeSpan), Nullable.GetUnderlyingType(Param(typeof(WatchWebsiteCommand), parameter).PropertyType) ?? Param(typeof(WatchWebsiteCommand), parameter).PropertyType);
        bool batch = parameter == "NotifyBatch";
        // The cmdlet hands these to the engine, whose refusal it reports naming the parameter (SettingErrors).
        WatchSettings build(TimeSpan value) => batch ? new WatchSettings { NotifyBatch = value } : new WatchSettings { Duration = value };
        string? check(TimeSpan value)
        {
            try
            {
                build(value);
                return null;
            }
            catch (ArgumentOutOfRangeException ex)
            {
                return SettingErrors.Message(ex);
            }
        }

        // The cmdlet takes any TimeSpan the engine takes: -NotifyBatch from zero, -Duration anything longer than zero.
        var refusedBelow = batch ? TimeSpan.FromSeconds(min) - TimeSpan.FromTicks(1) : TimeSpan.Zero;

        Assert.Empty(ParseErrors(command, option, min));
        Assert.Empty(ParseErrors(command, option, max));
        Assert.Contains(ParseErrors(command, option, min - 1), e => e.Contains(option, StringComparison.Ordinal));
        Assert.Null(check(TimeSpan.FromSeconds(min)));
        Assert.Null(check(TimeSpan.FromSeconds(max)));
        Assert.StartsWith("-" + parameter + " ", check(refusedBelow));
        if (max < int.MaxValue)
        {
            Assert.Contains(ParseErrors(command, option, max + 1), e => e.Contains(option, StringComparison.Ordinal));
            Assert.StartsWith("-" + parameter + " ", check(TimeSpan.FromSeconds(max) + TimeSpan.FromTicks(1)));
        }

        // The engine refuses the same values, so nothing the cmdlet lets through fails later.
        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => build(refusedBelow)).ParamName);
    }

    [Fact]
    public void DurationAndNotifyBatchHelpStatesTheirBounds()
    {
        // Their help is their description's, with the bounds written from the numbers (see SettingDescriptionContractTests).
        Assert.Equal(LinkTools.Model.Settings.SettingDescriptions.NotifyBatch, Described(Param(typeof(WatchWebsiteCommand), "NotifyBatch")));
        Assert.Equal(LinkTools.Model.Settings.SettingDescriptions.Duration, Described(Param(typeof(WatchWebsiteCommand), "Duration")));
        Assert.Contains("00:00:00 to 1.00:00:00", LinkTools.Model.Settings.SettingDescriptions.NotifyBatch.Help(commandLine: false));
        Assert.Contains("at least 00:00:01", LinkTools.Model.Settings.SettingDescriptions.Duration.Help(commandLine: false));
    }

    [Theory]
    [InlineData(600.4)]
    [InlineData(600.5)]
    [InlineData(-0.4)]
    public void AnEngineRefusalNamesTheParameterNotTheSetting(double delaySec)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new EngineOptions { DelayPerHost = TimeSpan.FromSeconds(delaySec) });
        Assert.Equal("DelaySec", SettingErrors.ParameterFor(error.ParamName));
        var message = SettingErrors.Message(error);
        Assert.StartsWith("-DelaySec must be between", message);
        Assert.DoesNotContain("DelayPerHost", message);
        Assert.Equal("MaxPageBytes", SettingErrors.ParameterFor("MaxBodyBytes"));
        Assert.Equal("NotifyBatch", SettingErrors.ParameterFor("NotifyBatch"));
        Assert.Null(SettingErrors.ParameterFor(null));
    }

    [Fact]
    public void CliRangeErrorsFormatNumbersInvariantlyWhateverTheCulture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var errors = Program.BuildRoot().Parse(["crawl", "--delay-sec", "600.5", "http://127.0.0.1:1/"]).Errors.Select(e => e.Message).ToArray();
            Assert.Contains("--delay-sec must be between 0 and 600; got 600.5.", errors);
            var fine = Program.BuildRoot().Parse(["crawl", "--delay-sec", "0.5", "http://127.0.0.1:1/"]);
            Assert.Empty(fine.Errors);
            Assert.Equal(0.5, fine.GetValue<double>("--delay-sec"));
            Assert.Contains(Program.BuildRoot().Parse(["crawl", "--delay-sec", "0,5", "http://127.0.0.1:1/"]).Errors, e => e.Message.Contains("--delay-sec", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData(-2, false)]
    [InlineData(CrawlLimits.NoDepthLimit, true)]
    [InlineData(CrawlLimits.DepthMin, true)]
    [InlineData(CrawlLimits.DepthMax, true)]
    [InlineData(CrawlLimits.DepthMax + 1, false)]
    public void CrawlDepthIsNoLimitOrTheCmdletsRange(int depth, bool accepted)
    {
        var errors = ParseErrors("crawl", "--depth", depth);
        if (accepted) Assert.Empty(errors);
        else Assert.Contains(errors, e => e.Contains("--depth", StringComparison.Ordinal));

        var range = Range(typeof(InvokeSiteCrawlCommand), "Depth");
        Assert.Equal(CrawlLimits.DepthMin, range.Min);
        Assert.Equal(CrawlLimits.DepthMax, range.Max);
    }

    [Fact]
    public async Task AnOutOfRangeWatchOptionExitsWithTwoNamingItInsteadOfBeingClamped()
    {
        var run = await CliProcess.RunAsync(null, "watch", "http://127.0.0.1:1/", "--once", "--interval-sec", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--interval-sec", run.StdErr);

        var crawl = await CliProcess.RunAsync(null, "crawl", "http://127.0.0.1:1/", "--max-pages", (CrawlLimits.MaxPagesMax + 1L).ToString(CultureInfo.InvariantCulture));
        Assert.Equal(2, crawl.ExitCode);
        Assert.Contains("--max-pages", crawl.StdErr);
    }

    public static TheoryData<string, Func<object>, Func<object>> EngineSettings() => new()
    {
        { "ThrottleLimit", () => new EngineOptions { ThrottleLimit = EngineLimits.ThrottleLimitMax }, () => new EngineOptions { ThrottleLimit = EngineLimits.ThrottleLimitMax + 1 } },
        { "MaxConcurrencyPerHost", () => new EngineOptions { MaxConcurrencyPerHost = EngineLimits.MaxConcurrencyPerHostMax }, () => new EngineOptions { MaxConcurrencyPerHost = EngineLimits.MaxConcurrencyPerHostMax + 1 } },
        { "Timeout", () => new EngineOptions { Timeout = TimeSpan.FromSeconds(EngineLimits.TimeoutSecMax) }, () => new EngineOptions { Timeout = TimeSpan.FromSeconds(EngineLimits.TimeoutSecMax + 1) } },
        { "MaximumRedirection", () => new EngineOptions { MaximumRedirection = EngineLimits.MaximumRedirectionMax }, () => new EngineOptions { MaximumRedirection = EngineLimits.MaximumRedirectionMax + 1 } },
        { "MaximumRetryCount", () => new EngineOptions { MaximumRetryCount = EngineLimits.MaximumRetryCountMax }, () => new EngineOptions { MaximumRetryCount = EngineLimits.MaximumRetryCountMax + 1 } },
        { "RetryInterval", () => new EngineOptions { RetryInterval = TimeSpan.FromSeconds(EngineLimits.RetryIntervalSecMax) }, () => new EngineOptions { RetryInterval = TimeSpan.FromSeconds(EngineLimits.RetryIntervalSecMax + 1) } },
        { "DelayPerHost", () => new EngineOptions { DelayPerHost = TimeSpan.FromSeconds(EngineLimits.DelaySecMax) }, () => new EngineOptions { DelayPerHost = TimeSpan.FromSeconds(EngineLimits.DelaySecMax + 1) } },
        { "MaxBodyBytes", () => new EngineOptions { MaxBodyBytes = EngineLimits.MaxBodyBytesMax }, () => new EngineOptions { MaxBodyBytes = EngineLimits.MaxBodyBytesMax + 1 } },
        { "MaxBodyBytes", () => new EngineOptions { MaxBodyBytes = EngineLimits.MaxBodyBytesMin }, () => new EngineOptions { MaxBodyBytes = EngineLimits.MaxBodyBytesMin - 1 } },
        { "AcceptStatusCodes", () => new CheckPolicy { AcceptStatusCodes = new[] { EngineLimits.StatusCodeMax } }, () => new CheckPolicy { AcceptStatusCodes = new[] { EngineLimits.StatusCodeMax + 1 } } },
    };

    [Theory]
    [MemberData(nameof(EngineSettings))]
    public void EngineValidationRefusesOnlyPastTheConstant(string name, Func<object> atLimit, Func<object> pastLimit)
    {
        Assert.NotNull(atLimit());

        var error = Assert.Throws<ArgumentOutOfRangeException>(pastLimit);
        Assert.Equal(name, error.ParamName);
    }

    [Fact]
    public void CrawlAndWatchValidationRefusePastTheConstants()
    {
        Assert.NotNull(new CrawlSettings { MaxPages = CrawlLimits.MaxPagesMax, MaxDepth = CrawlLimits.DepthMax });
        Assert.Equal("MaxPages", Assert.Throws<ArgumentOutOfRangeException>(() => new CrawlSettings { MaxPages = CrawlLimits.MaxPagesMax + 1 }).ParamName);
        Assert.Equal("MaxDepth", Assert.Throws<ArgumentOutOfRangeException>(() => new CrawlSettings { MaxDepth = CrawlLimits.DepthMax + 1 }).ParamName);
        Assert.Equal("ThrottleLimit", Assert.Throws<ArgumentOutOfRangeException>(() => new CrawlSettings { Engine = new EngineOptions { ThrottleLimit = 0 } }).ParamName);

        Assert.NotNull(new WatchSettings
        {
            Interval = TimeSpan.FromSeconds(WatchLimits.IntervalSecMax),
            Checks = new SiteCheckPolicy { Retry = WatchLimits.RetryMax },
            States = new TrackerPolicy { FailureThreshold = WatchLimits.FailureThresholdMax },
        });
        Assert.Equal("Interval", Assert.Throws<ArgumentOutOfRangeException>(() => new WatchSettings { Interval = TimeSpan.FromSeconds(WatchLimits.IntervalSecMax + 1) }).ParamName);
        Assert.Equal("Retry", Assert.Throws<ArgumentOutOfRangeException>(() => new WatchSettings { Checks = new SiteCheckPolicy { Retry = WatchLimits.RetryMax + 1 } }).ParamName);
        Assert.Equal("FailureThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new WatchSettings { States = new TrackerPolicy { FailureThreshold = 0 } }).ParamName);
        Assert.Equal("NotifyBatch", Assert.Throws<ArgumentOutOfRangeException>(() => new WatchSettings { NotifyBatch = TimeSpan.FromSeconds(-1) }).ParamName);
    }

    private static IReadOnlyList<string> ParseErrors(string command, string option, long value)
    {
        var args = new List<string> { command, option, value.ToString(CultureInfo.InvariantCulture) };
        if (command != "check") args.Add("http://127.0.0.1:1/");
        return Program.BuildRoot().Parse(args).Errors.Select(e => e.Message).ToArray();
    }
}
