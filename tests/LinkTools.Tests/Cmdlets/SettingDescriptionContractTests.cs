using System.CommandLine;
using System.Globalization;
using System.Management.Automation;
using System.Reflection;
using System.Text.RegularExpressions;
using LinkTools.Cli;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;
using LinkTools.PowerShell.Commands;
using static LinkTools.Tests.Cmdlets.CmdletContractTests;

namespace LinkTools.Tests.Cmdlets;

/// <summary>
/// Each setting is described once (SettingDescriptions): every description in a command's list is a parameter of its
/// cmdlet (with [Setting], so PowerShell holds it to the description's bounds and help shows the description's text)
/// and an option of its CLI command with the same bounds and default; every [Setting] parameter is in its command's
/// list. So a new setting is one line of description, and these tests say which front end still lacks it.
/// </summary>
public class SettingDescriptionContractTests
{
    private static readonly (string Command, Type Cmdlet, IReadOnlyList<SettingDescription> Settings)[] Commands =
    {
        ("check", typeof(TestLinkCommand), SettingDescriptions.Check),
        ("crawl", typeof(InvokeSiteCrawlCommand), SettingDescriptions.Crawl),
        ("watch", typeof(WatchWebsiteCommand), SettingDescriptions.Watch),
    };

    public static TheoryData<string, Type, string> Described()
    {
        var data = new TheoryData<string, Type, string>();
        foreach (var (command, cmdlet, settings) in Commands)
        {
            foreach (var setting in settings) data.Add(command, cmdlet, setting.Parameter);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Described))]
    public void TheCmdletParameterIsTheDescribedSettingWithItsTypeAndDefault(string command, Type cmdlet, string parameter)
    {
        var setting = SettingOf(command, parameter);
        var property = Param(cmdlet, parameter);
        Assert.NotEmpty(ParameterAttributes(property));
        var described = CmdletContractTests.Described(property) ?? throw new Xunit.Sdk.XunitException($"{cmdlet.Name} -{parameter} has no [Setting]");
        Assert.Equal(setting.Parameter, described.Parameter);
        Assert.Equal((described.Min, described.Max, described.NoLimit), (setting.Min, setting.Max, setting.NoLimit));

        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        Assert.Equal(setting.Type == typeof(bool) ? typeof(SwitchParameter) : setting.Type, type);
        // An unset optional number is the parameter's 0, which its bounds refuse when given.
        var expected = setting.Default is null && type == typeof(int) ? 0 : Expected(setting);
        Assert.Equal(expected, Normalize(property.GetValue(Activator.CreateInstance(cmdlet))));
    }

    [Theory]
    [MemberData(nameof(Described))]
    public void TheCliOptionIsTheDescribedSettingWithItsDefaultHelpAndBounds(string command, Type cmdlet, string parameter)
    {
        _ = cmdlet;
        var setting = SettingOf(command, parameter);
        var option = CliCommand(command).Options.SingleOrDefault(o => o.Name == setting.Option)
            ?? throw new Xunit.Sdk.XunitException($"linktools {command} has no {setting.Option}");
        Assert.Equal(setting.Help(commandLine: true), option.Description);

        var parse = Parse(command);
        Assert.Empty(parse.Errors);
        var valueType = option.GetType().GetGenericArguments()[0];
        var value = typeof(ParseResult).GetMethods().Single(m => m.Name == "GetValue" && m.IsGenericMethod && m.GetParameters()[0].ParameterType == typeof(string))
            .MakeGenericMethod(valueType).Invoke(parse, [setting.Option]);
        Assert.Equal(Expected(setting), Normalize(value is int seconds && setting.Type == typeof(TimeSpan) ? TimeSpan.FromSeconds(seconds) : value));

        if (!setting.IsRange) return;
        Assert.Empty(Parse(command, setting.Option, setting.Min).Errors);
        Assert.Empty(Parse(command, setting.Option, setting.Max).Errors);
        if (setting.NoLimit is long none) Assert.Empty(Parse(command, setting.Option, none).Errors);
        long below = setting.Min - 1 == setting.NoLimit ? setting.Min - 2 : setting.Min - 1;
        Assert.Contains(Parse(command, setting.Option, below).Errors, e => e.Message == setting.Refusal(setting.Option, below));
        if (setting.Max < int.MaxValue) Assert.Contains(Parse(command, setting.Option, setting.Max + 1).Errors, e => e.Message == setting.Refusal(setting.Option, setting.Max + 1));
    }

    [Fact]
    public void EverySettingParameterIsInItsCommandsList()
    {
        foreach (var (command, cmdlet, settings) in Commands)
        {
            var described = cmdlet.GetProperties().Where(p => CmdletContractTests.Described(p) != null).Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal);
            Assert.Equal(settings.Select(s => s.Parameter).OrderBy(n => n, StringComparer.Ordinal), described);
        }
    }

    [Fact]
    public void EveryParameterAndOptionIsADescribedSettingOrListedWithWhyNot()
    {
        // A new parameter or option that is neither described nor named in UndescribedSettings fails here, named.
        var unexplained = new List<string>();
        foreach (var (cmdlet, name) in CmdletContractTests.Cmdlets())
        {
            foreach (var property in cmdlet.GetProperties().Where(p => ParameterAttributes(p).Length > 0))
            {
                if (CmdletContractTests.Described(property) == null && !UndescribedSettings.Parameters.ContainsKey(property.Name)) unexplained.Add($"{name} -{property.Name}");
            }
        }

        foreach (var (command, option) in CliOptions())
        {
            if (!SettingDescriptions.All.Any(d => d.Option == option.Name) && !UndescribedSettings.Options.ContainsKey(option.Name)) unexplained.Add($"linktools {command} {option.Name}");
        }

        Assert.Empty(unexplained);
    }

    [Fact]
    public void TheListOfUndescribedNamesOnlyWhatExistsAndIsNotDescribedWithAOneLineReason()
    {
        var parameters = CmdletContractTests.Cmdlets().SelectMany(c => c.Type.GetProperties().Where(p => ParameterAttributes(p).Length > 0 && CmdletContractTests.Described(p) == null)).Select(p => p.Name).ToHashSet();
        var options = CliOptions().Select(o => o.Option.Name).Where(n => !SettingDescriptions.All.Any(d => d.Option == n)).ToHashSet();

        Assert.Equal(Array.Empty<string>(), UndescribedSettings.Parameters.Keys.Where(k => !parameters.Contains(k)).ToArray());
        Assert.Equal(Array.Empty<string>(), UndescribedSettings.Options.Keys.Where(k => !options.Contains(k)).ToArray());
        Assert.All(UndescribedSettings.Parameters.Values.Concat(UndescribedSettings.Options.Values), reason => Assert.Matches(@"^[^\r\n]{10,}$", reason));
    }

    [Fact]
    public void EveryRangesHelpWritesItsBoundsFromTheNumbers()
    {
        foreach (var setting in SettingDescriptions.All.Concat(SettingDescriptions.Watch))
        {
            if (setting.IsRange) Assert.Matches(@"\{(range|min|max)\}", setting.HelpText);
            foreach (bool commandLine in new[] { false, true })
            {
                string help = setting.Help(commandLine);
                Assert.DoesNotMatch(@"\{[-a-z]", help);
                if (setting.IsRange && setting.Unit == SettingUnit.Number) Assert.Contains(setting.Min.ToString(CultureInfo.InvariantCulture), help.Replace(",", "", StringComparison.Ordinal));
            }
        }

        // A setting whose default differs by command states it only in the help's own default line.
        foreach (var watch in SettingDescriptions.Watch.Where(w => !SettingDescriptions.All.Contains(w))) Assert.DoesNotContain("{default}", watch.HelpText);
        Assert.Contains("1 to 100 (default 2)", SettingDescriptions.FailureThreshold.Help(commandLine: false));
        Assert.Contains("from 1 KB to 1 GB (default 10 MB)", SettingDescriptions.MaxPageBytes.Help(commandLine: false));
        Assert.Contains("00:00:00 to 365.00:00:00 (default 1.00:00:00", SettingDescriptions.MaxCacheAge.Help(commandLine: false));
        Assert.Contains("0 to 31536000 (default 86400", SettingDescriptions.MaxCacheAge.Help(commandLine: true).Replace(",", "", StringComparison.Ordinal));
        Assert.Contains("--retry-interval-sec apart", SettingDescriptions.Retry.Help(commandLine: true));
        Assert.Contains("-RetryIntervalSec apart", SettingDescriptions.Retry.Help(commandLine: false));
        Assert.Contains("Ignored with --once", SettingDescriptions.Duration.Help(commandLine: true));
    }

    [Fact]
    public void ANewDescriptionIsAnOptionWithItsBoundsDefaultAndHelpWithNothingElseWritten()
    {
        var made = new SettingDescription("MaxWidgets", "--max-widgets", typeof(int), 2, 9, 4, "Widgets, {range} (default {default}).");
        var options = new LinkTools.Cli.Commands.SettingOptionSet(new[] { made });
        var command = new Command("probe");
        options.AddTo(command);

        var option = Assert.Single(command.Options);
        Assert.Equal("--max-widgets", option.Name);
        Assert.Equal("Widgets, 2 to 9 (default 4).", option.Description);
        Assert.Equal(4, options.Read(command.Parse("")).Value(made));
        Assert.Equal(9, options.Read(command.Parse("--max-widgets 9")).Value(made));
        Assert.Equal(["--max-widgets must be between 2 and 9; got 10."], command.Parse("--max-widgets 10").Errors.Select(e => e.Message));
    }

    [Fact]
    public void OnlyTheDescriptionsReadTheBoundsAndDefaults()
    {
        // The constants (EngineLimits, CrawlLimits, WatchLimits, CacheLimits, WatchDefaults) are the numbers the
        // descriptions are written with; a front end or the engine that read them directly would be a second statement.
        var src = Path.Combine(RepoRoot(), "src");
        var readers =
            from file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            where !file.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            where !file.EndsWith(Path.Combine("Settings", "SettingDescriptions.cs"), StringComparison.Ordinal)
            from Match m in Regex.Matches(File.ReadAllText(file), @"\b(EngineLimits|CrawlLimits|WatchLimits|CacheLimits|WatchDefaults)\.(\w+)")
            select Path.GetRelativePath(src, file) + ": " + m.Value;
        Assert.Empty(readers);
    }

    private static SettingDescription SettingOf(string command, string parameter) =>
        Commands.Single(c => c.Command == command).Settings.Single(s => s.Parameter == parameter);

    /// <summary>What an unset parameter or option holds: the default, a duration as a TimeSpan; null when unset means "not set".</summary>
    private static object? Expected(SettingDescription setting) => setting.Default switch
    {
        null => null,
        var value when setting.Type == typeof(TimeSpan) => TimeSpan.FromSeconds(Convert.ToDouble(value, CultureInfo.InvariantCulture)),
        var value => value,
    };

    /// <summary>A cmdlet's or option's unset value in the description's terms: a switch as bool, no list as null.</summary>
    private static object? Normalize(object? value) => value switch
    {
        SwitchParameter flag => flag.IsPresent ? true : false,
        Array { Length: 0 } => null,
        _ => value,
    };

    /// <summary>Every option of every `linktools` command, but the parser's own (--help, --version).</summary>
    private static IEnumerable<(string Command, Option Option)> CliOptions() =>
        from command in Program.BuildRoot().Subcommands
        from option in command.Options
        where option is not System.CommandLine.Help.HelpOption && option is not VersionOption
        select (command.Name, option);

    private static Command CliCommand(string name) => Program.BuildRoot().Subcommands.Single(c => c.Name == name);

    private static ParseResult Parse(string command, string? option = null, long value = 0)
    {
        // The URL first: a repeatable option takes the tokens after it.
        var args = new List<string> { command };
        if (command != "check") args.Add("http://127.0.0.1:1/");
        if (option != null) args.AddRange([option, value.ToString(CultureInfo.InvariantCulture)]);
        return Program.BuildRoot().Parse(args);
    }
}
