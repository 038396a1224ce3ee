using LinkTools.Core.Text;
using LinkTools.Core.Urls;

namespace LinkTools.Cli.Commands;

/// <summary>Reads sites from a file: a CSV with a Url column (and optional per-site columns), or a plain URL list.</summary>
internal static class SiteListFile
{
    public static bool TryRead(string path, List<SiteRow> rows, out string error)
    {
        error = "";
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"'{path}' could not be read: {ex.Message}";
            return false;
        }

        bool unterminated = false;
        using var records = CsvText.Records(new StringReader(text), () => unterminated = true).GetEnumerator();
        var header = records.MoveNext() ? records.Current : [];
        int Index(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        int url = Index("Url") >= 0 ? Index("Url") : Index("Uri");
        if (url < 0)
        {
            rows.AddRange(UrlListFile.Urls(new StringReader(text)).Select(u => new SiteRow(u, null, null, null, null)));
            return true;
        }

        int name = Index("Name"), content = Index("ExpectContent"), status = Index("ExpectStatus"), window = Index("MaintenanceWindow");
        while (records.MoveNext())
        {
            var cells = records.Current;
            if (cells.Count == 1 && string.IsNullOrWhiteSpace(cells[0])) continue; // a blank line
            string? Cell(int i) => i >= 0 && i < cells.Count && cells[i].Length > 0 ? cells[i] : null;
            rows.Add(new SiteRow(Cell(url) ?? "", Cell(name), Cell(content), Cell(status), Cell(window)));
        }

        if (unterminated)
        {
            error = $"'{path}' ends inside a quoted CSV field: a closing \" is missing.";
            return false;
        }

        return true;
    }
}
