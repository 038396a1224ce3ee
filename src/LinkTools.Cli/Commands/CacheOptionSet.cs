using System.CommandLine;
using LinkTools.Core.Caching;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Cli.Commands;

/// <summary>`--cache`: results kept between runs (-CachePath).</summary>
internal sealed class CacheOptionSet
{
    public Option<FileInfo?> Path { get; } = new("--cache")
    {
        Description = "A file that keeps results between runs (created if missing): links that were Ok or Redirected within --max-cache-age-sec are reported from it without a request; anything else is checked again.",
    };

    public void AddTo(Command command) => command.Options.Add(Path);

    /// <summary>The cache asked for, or null; its age (--max-cache-age-sec) is a described setting of the command.</summary>
    public ResultCacheSettings? Read(ParseResult parse, ISettingSource settings) =>
        parse.GetValue(Path) is FileInfo file
            ? new ResultCacheSettings(file.FullName) { MaxAge = (TimeSpan)settings.Value(SettingDescriptions.MaxCacheAge)! }
            : null;
}
