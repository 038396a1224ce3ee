using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using LinkTools.Core.Reporting;

namespace LinkTools.Core.Triage
{
    /// <summary>
    /// The suppressions of one file, split into those in force and those past their expiry date (which no longer
    /// hide anything and are named in a warning). Read-only once loaded, so worker threads may share it.
    /// </summary>
    /// <remarks>
    /// Text files have one suppression a line, "pattern | reason | yyyy-MM-dd", the date optional; blank lines and
    /// lines starting with # are ignored. JSON files hold an array of objects with pattern, reason and expires.
    /// </remarks>
    public sealed class SuppressionList
    {
        public SuppressionList(IEnumerable<Suppression> suppressions, DateTimeOffset now)
        {
            var all = suppressions.ToArray();
            Active = all.Where(s => !s.IsExpired(now)).ToArray();
            Expired = all.Where(s => s.IsExpired(now)).ToArray();
        }

        public IReadOnlyList<Suppression> Active { get; }

        public IReadOnlyList<Suppression> Expired { get; }

        /// <summary>The first suppression in force that matches the URL, or null.</summary>
        public Suppression? Match(string url)
        {
            foreach (var suppression in Active)
            {
                if (suppression.Matches(url)) return suppression;
            }

            return null;
        }

        /// <summary>Reads a suppression file; throws <see cref="InputFileException"/> naming the file and line when it cannot.</summary>
        public static SuppressionList Load(string path, DateTimeOffset now)
        {
            var text = InputFile.ReadAllText(path);
            var trimmed = InputFile.Start(text);
            var suppressions = InputFile.IsJson(trimmed)
                ? FromJson(path, trimmed)
                : FromLines(path, text);
            return new SuppressionList(suppressions, now);
        }

        private static List<Suppression> FromLines(string path, string text)
        {
            var result = new List<Suppression>();
            var lines = text.Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim().TrimStart('\uFEFF');
                if (line.Length == 0 || line[0] == '#') continue;
                var parts = line.Split('|').Select(p => p.Trim()).ToArray();
                if (parts.Length < 2 || parts.Length > 3) throw new InputFileException(path, $"line {i + 1}: expected 'pattern | reason | yyyy-MM-dd' (the date optional).");
                result.Add(Create(path, $"line {i + 1}", parts[0], parts[1], parts.Length == 3 ? parts[2] : null));
            }

            return result;
        }

        private static List<Suppression> FromJson(string path, string text)
        {
            var result = new List<Suppression>();
            try
            {
                using var document = JsonDocument.Parse(text);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("suppressions", out var inner)) root = inner;
                if (root.ValueKind != JsonValueKind.Array) throw new InputFileException(path, "expected a JSON array of objects with pattern, reason and expires.");
                int index = 0;
                foreach (var item in root.EnumerateArray())
                {
                    index++;
                    if (item.ValueKind != JsonValueKind.Object) throw new InputFileException(path, $"entry {index} is not a JSON object.");
                    result.Add(Create(path, $"entry {index}", Text(item, "pattern") ?? Text(item, "url"), Text(item, "reason"), Text(item, "expires")));
                }
            }
            catch (JsonException e)
            {
                throw new InputFileException(path, "is not valid JSON: " + e.Message, e);
            }

            return result;
        }

        private static string? Text(JsonElement item, string name)
        {
            foreach (var property in item.EnumerateObject())
            {
                if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.GetRawText();
                }
            }

            return null;
        }

        private static Suppression Create(string path, string where, string? pattern, string? reason, string? expires)
        {
            if (string.IsNullOrWhiteSpace(pattern)) throw new InputFileException(path, $"{where}: the URL pattern is empty.");
            if (string.IsNullOrWhiteSpace(reason)) throw new InputFileException(path, $"{where}: every suppression needs a reason.");
            DateTime? date = null;
            if (!string.IsNullOrWhiteSpace(expires))
            {
                if (!DateTime.TryParseExact(expires!.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    throw new InputFileException(path, $"{where}: the expiry date '{expires}' is not yyyy-MM-dd.");
                }

                date = parsed;
            }

            return new Suppression(pattern!.Trim(), reason!.Trim(), date);
        }
    }
}
