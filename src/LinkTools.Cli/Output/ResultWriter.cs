using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using LinkTools.Core.Checking;
using LinkTools.Core.Crawling;
using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Text;
using LinkTools.Model.Checking;
using LinkTools.Model.Crawling;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.History;

namespace LinkTools.Cli.Output;

/// <summary>Writes result objects to a text stream as they arrive, in one of the CLI's formats.</summary>
public abstract class ResultWriter
{
    protected ResultWriter(TextWriter output) => Output = output;

    protected TextWriter Output { get; }

    public static ResultWriter For(OutputFormat format, TextWriter output) => format switch
    {
        OutputFormat.Json => new JsonLinesWriter(output),
        OutputFormat.Csv => new CsvResultWriter(output),
        _ => new TableResultWriter(output),
    };

    public abstract void Write(object item);

    public virtual void Complete() => Output.Flush();

    /// <summary>
    /// The public properties of a result type in declaration order, from metadata generated at compile time
    /// (<see cref="ResultJson"/>) rather than reflection, so the columns survive trimming in the native build.
    /// </summary>
    protected static IList<JsonPropertyInfo> PropertiesOf(Type type) => TypeInfoOf(type).Properties;

    protected static JsonTypeInfo TypeInfoOf(Type type) =>
        ResultJson.Default.GetTypeInfo(type) ?? throw new NotSupportedException(type.FullName + " is not a result type the CLI can print; add it to ResultJson.");

    protected static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset time => time.ToString("o", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}

/// <summary>JSON Lines: one object a line, property names as in the .NET type, enums as names.</summary>
public sealed class JsonLinesWriter : ResultWriter
{
    public JsonLinesWriter(TextWriter output) : base(output)
    {
    }

    public override void Write(object item) =>
        Output.WriteLine(ConsoleText.NeutralizeJson(JsonSerializer.Serialize(item, TypeInfoOf(item.GetType()))));
}

/// <summary>
/// The result types the CLI prints, serialized by code generated at compile time (no reflection, so the native
/// build prints every property). Enums as names. The default encoder escapes '+', '&lt;', '&gt;' and '&amp;', which
/// also keeps "##vso[" from surviving literally: see ConsoleText.
/// </summary>
[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(LinkResult))]
[JsonSerializable(typeof(CrawlResult))]
[JsonSerializable(typeof(OrphanPage))]
[JsonSerializable(typeof(SiteCheckResult))]
[JsonSerializable(typeof(SiteStateChange))]
[JsonSerializable(typeof(SiteUptime))]
[JsonSerializable(typeof(bool))]
internal sealed partial class ResultJson : JsonSerializerContext
{
}

/// <summary>CSV with a header from the first object's type; cells that spreadsheets would run as formulas are neutralised.</summary>
public sealed class CsvResultWriter : ResultWriter
{
    private Type? _type;
    private IList<JsonPropertyInfo>? _columns;

    public CsvResultWriter(TextWriter output) : base(output)
    {
    }

    public override void Write(object item)
    {
        if (_columns == null)
        {
            _type = item.GetType();
            _columns = PropertiesOf(_type);
            Output.WriteLine(string.Join(",", _columns.Select(c => Cell(c.Name))));
        }

        // The header is the first object's; a row of another type (a crawl's orphan pages) fills no column of it.
        bool sameType = item.GetType() == _type;
        Output.WriteLine(string.Join(",", _columns.Select(c => Cell(sameType ? Text(c.Get!(item)) : "", IsNumeric(c.PropertyType)))));
    }

    /// <summary>A cell of a text column: link text, a reason, a URL.</summary>
    internal static string Cell(string value) => Cell(value, numeric: false);

    // A numeric column (status codes, times, counts, certificate days left, which is negative once the certificate
    // has expired) keeps its sign: its value is a number the CLI formatted, never text from the web. A text column
    // that starts with a sign is neutralised as text, whatever it looks like. The CSV also goes to a console, where
    // CI agents read commands, hence Neutralize first.
    internal static string Cell(string value, bool numeric) =>
        CsvText.Cell(ConsoleText.Neutralize(value), numeric ? SignedNumbers.Keep : SignedNumbers.AsText);

    internal static bool IsNumeric(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) || type == typeof(short) || type == typeof(double)
            || type == typeof(float) || type == typeof(decimal);
    }
}

/// <summary>A fixed-width table written row by row, so results show as soon as they finish.</summary>
public sealed class TableResultWriter : ResultWriter
{
    private Type? _type;
    private (string Name, int Width, Func<object, string> Value)[] _columns = [];

    public TableResultWriter(TextWriter output) : base(output)
    {
    }

    public override void Write(object item)
    {
        if (item.GetType() != _type)
        {
            _type = item.GetType();
            _columns = ColumnsFor(_type);
            Output.WriteLine(Row(_columns.Select(c => c.Name)));
            Output.WriteLine(Row(_columns.Select(c => new string('-', Math.Min(c.Name.Length, Math.Max(c.Width, c.Name.Length))))));
        }

        Output.WriteLine(ConsoleText.Neutralize(Row(_columns.Select(c => c.Value(item)))));
    }

    private string Row(IEnumerable<string> cells)
    {
        var line = new StringBuilder();
        int i = 0;
        foreach (var cell in cells)
        {
            int width = _columns[i].Width;
            bool last = i == _columns.Length - 1;
            line.Append(last ? cell : Fit(cell, width).PadRight(width)).Append(last ? "" : " ");
            i++;
        }

        return line.ToString().TrimEnd();
    }

    private static string FoundOn(CrawlResult result) =>
        result.SourceUrl.Length == 0 ? "(start URL)" : result.Line > 0 ? result.SourceUrl + ":" + Text(result.Line) : result.SourceUrl;

    private static string Fit(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";

    private static (string, int, Func<object, string>)[] ColumnsFor(Type type)
    {
        if (type == typeof(LinkResult))
        {
            return
            [
                ("Status", 12, o => ((LinkResult)o).Status.ToString()),
                ("Code", 4, o => Text(((LinkResult)o).StatusCode)),
                ("Ms", 6, o => Text(((LinkResult)o).ElapsedMs)),
                ("Url", 60, o => ((LinkResult)o).Url),
                ("Reason", 0, o => ((LinkResult)o).Reason),
            ];
        }

        if (type == typeof(CrawlResult))
        {
            return
            [
                ("Status", 12, o => ((CrawlResult)o).Status.ToString()),
                ("Code", 4, o => Text(((CrawlResult)o).StatusCode)),
                ("Url", 50, o => ((CrawlResult)o).Url),
                ("Found on", 50, o => FoundOn((CrawlResult)o)),
                ("Reason", 0, o => ((CrawlResult)o).Reason),
            ];
        }

        if (type == typeof(OrphanPage))
        {
            return
            [
                ("Orphan", 12, o => ((OrphanPage)o).Kind.ToString()),
                ("Url", 60, o => ((OrphanPage)o).Url),
                ("Reason", 0, o => ((OrphanPage)o).Reason),
            ];
        }

        if (type == typeof(SiteStateChange))
        {
            return
            [
                ("At", 20, o => ((SiteStateChange)o).At.ToString("yyyy-MM-dd HH:mm:ss")),
                ("Reason", 18, o => ((SiteStateChange)o).Reason.ToString()),
                ("From", 11, o => ((SiteStateChange)o).From.ToString()),
                ("To", 11, o => ((SiteStateChange)o).To.ToString()),
                ("Code", 4, o => Text(((SiteStateChange)o).StatusCode)),
                ("Name", 20, o => ((SiteStateChange)o).Name),
                ("Url", 50, o => ((SiteStateChange)o).Url),
                ("Error", 0, o => ((SiteStateChange)o).Error),
            ];
        }

        if (type == typeof(SiteCheckResult))
        {
            return
            [
                ("CheckedAt", 20, o => ((SiteCheckResult)o).CheckedAt.ToString("yyyy-MM-dd HH:mm:ss")),
                ("State", 11, o => ((SiteCheckResult)o).State.ToString()),
                ("Code", 4, o => Text(((SiteCheckResult)o).StatusCode)),
                ("Ms", 6, o => Text(((SiteCheckResult)o).ResponseTimeMs)),
                ("LagMs", 6, o => Text(((SiteCheckResult)o).ScheduleLagMs)),
                ("Url", 50, o => ((SiteCheckResult)o).Url),
                ("Error", 0, o => ((SiteCheckResult)o).Error),
            ];
        }

        if (type == typeof(SiteUptime))
        {
            return
            [
                ("Uptime%", 8, o => ((SiteUptime)o).UptimePercent.ToString("0.###", CultureInfo.InvariantCulture)),
                ("Checks", 6, o => Text(((SiteUptime)o).Checks)),
                ("Downtime", 10, o => Core.Durations.Format(((SiteUptime)o).Downtime)),
                ("P50Ms", 6, o => Text(((SiteUptime)o).P50ResponseMs)),
                ("P95Ms", 6, o => Text(((SiteUptime)o).P95ResponseMs)),
                ("Name", 20, o => ((SiteUptime)o).Name),
                ("Url", 0, o => ((SiteUptime)o).Url),
            ];
        }

        return PropertiesOf(type).Select(p => (p.Name, 20, (Func<object, string>)(o => Text(p.Get!(o))))).ToArray();
    }
}
