using System;
using System.Collections.Generic;
using System.Globalization;
using LinkTools.Core.Checking;

namespace LinkTools.Core.Reporting
{
    /// <summary>
    /// Rows for results read back from a CSV or JSON file (Import-Csv rows arrive as property bags): anything with a
    /// Url and a Status. Lets a report be made later from the results a run saved.
    /// </summary>
    public sealed class PropertyBagRowAdapter : IReportRowAdapter
    {
        public bool TryConvert(object item, out ReportRow row)
        {
            row = null!;
            if (!(item is IDictionary<string, object?> bag)) return false;
            var properties = new Dictionary<string, object?>(bag, StringComparer.OrdinalIgnoreCase);
            string url = Text(properties, "Url");
            string status = Text(properties, "Status");
            if (url.Length == 0 || status.Length == 0) return false;

            row = new ReportRow
            {
                Origin = Text(properties, "Origin") is { Length: > 0 } origin ? origin : "Imported",
                Source = Text(properties, "Source") is { Length: > 0 } source ? source
                    : Text(properties, "SourcePage") is { Length: > 0 } page ? page : Text(properties, "SourceUrl"),
                Url = url,
                Status = status,
                Outcome = Enum.TryParse<LinkStatus>(status, true, out var known) ? LinkResultRowAdapter.OutcomeOf(known) : ReportOutcome.Passed,
                StatusCode = int.TryParse(Text(properties, "StatusCode"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : (int?)null,
                FailureKind = Text(properties, "FailureKind") == "None" ? "" : Text(properties, "FailureKind"),
                Reason = Text(properties, "Reason"),
                ElapsedMs = long.TryParse(Text(properties, "ElapsedMs"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var ms) ? ms : (long?)null,
                BaselineState = Text(properties, "BaselineState") == "None" ? "" : Text(properties, "BaselineState"),
                CheckedAt = DateTimeOffset.TryParse(Text(properties, "CheckedAt"), CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? at : (DateTimeOffset?)null,
            };
            return true;
        }

        private static string Text(IDictionary<string, object?> properties, string name) =>
            properties.TryGetValue(name, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "" : "";
    }
}
