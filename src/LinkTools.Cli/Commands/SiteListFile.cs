using LinkTools.Core.Monitoring.History;
using LinkTools.Core.Urls;

namespace LinkTools.Cli.Commands;

/// <summary>Reads sites from a file: a CSV with a Url column (and optional per-site columns), or a plain URL list.</summary>
internal static class SiteListFile
{
    public static bool TryRead(string path, List<SiteRow> rows, out string error)
    {
        error = "";
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"'{path}' could not be read: {ex.Message}";
            return false;
        }

        var header = lines.Length > 0 ? CsvText.SplitLine(lines[0]) : [];
        int Index(string name) => header.FindIndex(h => string.Equals(h.Trim(), name, StringComparison.OrdinalIgnoreCase));
        int url = Index("Url") >= 0 ? Index("Url") : Index("Uri");
        if (url < 0)
        {
            if (!UrlListFile.TryRead(path, out var list, out var listError))
            {
                error = listError.Message;
                return false;
            }

            rows.AddRange(list.Select(u => new SiteRow(u, null, null, null, null)));
            return true;
        }

        int name = Index("Name"), content = Index("ExpectContent"), status = Index("ExpectStatus"), window = Index("MaintenanceWindow");
        foreach (var line in lines.Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var cells = CsvText.SplitLine(line);
            string? Cell(int i) => i >= 0 && i < cells.Count && cells[i].Length > 0 ? cells[i] : null;
            rows.Add(new SiteRow(Cell(url) ?? "", Cell(name), Cell(content), Cell(status), Cell(window)));
        }

        return true;
    }
}
