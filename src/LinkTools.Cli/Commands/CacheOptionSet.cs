using System.CommandLine;
using LinkTools.Core.Caching;
using LinkTools.Core.Checking;

namespace LinkTools.Cli.Commands;

/// <summary>`--cache` and `--max-cache-age-sec`: results kept between runs (-CachePath and -MaxCacheAge).</summary>
internal sealed class CacheOptionSet
{
    public Option<FileInfo?> Path { get; } = new("--cache")
    {
        Description = "A file that keeps results between runs (created if missing): links that were Ok or Redirected within --max-cache-age-sec are reported from it without a request; anything else is checked again.",
    };

    public Option<int> MaxAgeSec { get; } = new("--max-cache-age-sec")
    {
        Description = "Seconds a cached working link is believed (default one day).",
        DefaultValueFactory = _ => CacheLimits.DefaultMaxAgeSec,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Path);
        command.Options.Add(MaxAgeSec);
        OptionRange.Require(MaxAgeSec, CacheLimits.MaxAgeSecMin, CacheLimits.MaxAgeSecMax);
    }

    /// <summary>The cache asked for, or null.</summary>
    public ResultCacheSettings? Read(ParseResult parse) =>
        parse.GetValue(Path) is FileInfo file
            ? new ResultCacheSettings(file.FullName) { MaxAge = TimeSpan.FromSeconds(parse.GetValue(MaxAgeSec)) }
            : null;
}
