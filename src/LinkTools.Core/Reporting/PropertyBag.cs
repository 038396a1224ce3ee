using System;
using System.Collections.Generic;
using System.Globalization;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// Typed reads from a row read back from a file (an Import-Csv row arrives as names and text). Numbers and dates
    /// are tried in the current culture, as Export-Csv writes them, then invariantly; a value that does not parse is absent.
    /// </summary>
    internal sealed class PropertyBag
    {
        private readonly Dictionary<string, object?> _values;

        public PropertyBag(IDictionary<string, object?> values) => _values = new Dictionary<string, object?>(values, StringComparer.OrdinalIgnoreCase);

        public bool Has(string name) => Text(name).Length > 0;

        public string Text(string name) =>
            _values.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";

        public int? Int(string name) => Long(name) is long n && n >= int.MinValue && n <= int.MaxValue ? (int)n : (int?)null;

        public long? Long(string name)
        {
            string text = Text(name);
            return long.TryParse(text, NumberStyles.Integer, CultureInfo.CurrentCulture, out var n) || long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out n) ? n : (long?)null;
        }

        public double? Double(string name)
        {
            string text = Text(name);
            return double.TryParse(text, NumberStyles.Float, CultureInfo.CurrentCulture, out var d) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : (double?)null;
        }

        public DateTimeOffset? Date(string name)
        {
            string text = Text(name);
            return DateTimeOffset.TryParse(text, CultureInfo.CurrentCulture, DateTimeStyles.None, out var at) || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out at) ? at : (DateTimeOffset?)null;
        }

        public TimeSpan? Span(string name) =>
            TimeSpan.TryParse(Text(name), CultureInfo.InvariantCulture, out var span) ? span : (TimeSpan?)null;

        public T? Enum<T>(string name) where T : struct =>
            System.Enum.TryParse<T>(Text(name), true, out var value) && System.Enum.IsDefined(typeof(T), value) ? value : (T?)null;
    }
}
