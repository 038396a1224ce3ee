using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LinkTools.Core.Text
{
    /// <summary>CSV cells and lines (RFC 4180), with cells a spreadsheet would run as formulas neutralised.</summary>
    public static class CsvText
    {
        /// <summary>
        /// One cell: a value a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
        /// gets a leading ', the cell is quoted when it holds a comma, a quote or a line break, and agent commands and
        /// control characters are neutralised as <see cref="ConsoleText.NeutralizeLines"/> does.
        /// </summary>
        /// <param name="signedNumbers">Whether a plain number such as -5 or +1 stays a number or is neutralised as text.</param>
        public static string Cell(string? value, SignedNumbers signedNumbers)
        {
            // Files are printed too (a CI step that cats the history): no agent command or terminal escape survives.
            value = ConsoleText.NeutralizeLines(value ?? "");
            if (value.Length > 0 && "=+-@\t\r".IndexOf(value[0]) >= 0 && !(signedNumbers == SignedNumbers.Keep && IsNumber(value))) value = "'" + value;
            bool quote = value.IndexOfAny(new[] { ',', '"', '\n', '\r' }) >= 0;
            return quote ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }

        /// <summary>
        /// The records of a CSV text, read as they come (a history file may hold months of checks). A quoted cell may
        /// hold commas and line breaks; <paramref name="unterminated"/> is called when the text ends inside one.
        /// </summary>
        public static IEnumerable<List<string>> Records(TextReader reader, Action? unterminated = null)
        {
            var record = new List<string>();
            var cell = new StringBuilder();
            bool quoted = false;
            int c;
            while ((c = reader.Read()) >= 0)
            {
                if (quoted)
                {
                    if (c == '"' && reader.Peek() == '"') { cell.Append('"'); reader.Read(); }
                    else if (c == '"') quoted = false;
                    else cell.Append((char)c);
                }
                else if (c == '"') quoted = true;
                else if (c == ',') { record.Add(cell.ToString()); cell.Clear(); }
                else if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && reader.Peek() == '\n') reader.Read();
                    record.Add(cell.ToString());
                    cell.Clear();
                    yield return record;
                    record = new List<string>();
                }
                else cell.Append((char)c);
            }

            if (quoted) unterminated?.Invoke();
            if (cell.Length > 0 || record.Count > 0)
            {
                record.Add(cell.ToString());
                yield return record;
            }
        }

        private static bool IsNumber(string value) => double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }
}
