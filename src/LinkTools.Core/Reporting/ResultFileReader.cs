using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using LinkTools.Core.Text;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// Reads results a run saved, as property bags: CSV (Export-Csv, `linktools check --format csv`), JSON Lines
    /// (`--format json`), a JSON array (ConvertTo-Json) or a JSON report (Export-LinkReport -Format Json).
    /// </summary>
    public static class ResultFileReader
    {
        public static IReadOnlyList<IDictionary<string, object?>> Read(string path)
        {
            var trimmed = InputFile.Start(InputFile.ReadAllText(path));
            if (trimmed.Length == 0) throw new InputFileException(path, "is empty; expected results saved as CSV or JSON.");
            return InputFile.IsJson(trimmed) ? ReadJson(path, trimmed) : ReadCsv(path, trimmed);
        }

        private static IReadOnlyList<IDictionary<string, object?>> ReadJson(string path, string text)
        {
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array) return Rows(path, root);
                if (root.TryGetProperty("rows", out var rows) && rows.ValueKind == JsonValueKind.Array) return Rows(path, rows);
                return new[] { Bag(root) };
            }
            catch (JsonException)
            {
                // Not one document: JSON Lines, one object a line.
            }

            var result = new List<IDictionary<string, object?>>();
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.Length == 0) continue;
                try
                {
                    using var document = JsonDocument.Parse(line);
                    if (document.RootElement.ValueKind != JsonValueKind.Object) throw new InputFileException(path, $"line {i + 1} is not a JSON object.");
                    result.Add(Bag(document.RootElement));
                }
                catch (JsonException e)
                {
                    throw new InputFileException(path, $"is not valid JSON or JSON Lines (line {i + 1}: {e.Message})", e);
                }
            }

            return result;
        }

        private static IReadOnlyList<IDictionary<string, object?>> Rows(string path, JsonElement array)
        {
            var result = new List<IDictionary<string, object?>>();
            foreach (var item in array.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object) throw new InputFileException(path, "holds a JSON array of something other than objects.");
                result.Add(Bag(item));
            }

            return result;
        }

        private static IDictionary<string, object?> Bag(JsonElement item)
        {
            var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in item.EnumerateObject())
            {
                bag[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString(),
                    JsonValueKind.Null => null,
                    _ => property.Value.GetRawText(),
                };
            }

            return bag;
        }

        private static IReadOnlyList<IDictionary<string, object?>> ReadCsv(string path, string text)
        {
            var records = CsvText.Records(new StringReader(text), () => throw new InputFileException(path, "ends inside a quoted CSV field.")).ToList();
            int start = 0;
            // Windows PowerShell's Export-Csv starts with a "#TYPE ..." line unless -NoTypeInformation.
            while (start < records.Count && records[start].Count > 0 && records[start][0].StartsWith("#", StringComparison.Ordinal)) start++;
            if (start >= records.Count) throw new InputFileException(path, "has no CSV header line.");
            var header = records[start];
            var result = new List<IDictionary<string, object?>>();
            for (int r = start + 1; r < records.Count; r++)
            {
                var record = records[r];
                if (record.Count == 1 && record[0].Length == 0) continue;
                var bag = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                for (int c = 0; c < header.Count; c++)
                {
                    bag[header[c]] = c < record.Count ? Unguard(record[c]) : "";
                }

                result.Add(bag);
            }

            return result;
        }

        // `linktools check --format csv` prefixes cells a spreadsheet would run as a formula with "'".
        private static string Unguard(string cell) =>
            cell.Length > 1 && cell[0] == '\'' && "=+-@\t\r".IndexOf(cell[1]) >= 0 ? cell.Substring(1) : cell;
    }
}
