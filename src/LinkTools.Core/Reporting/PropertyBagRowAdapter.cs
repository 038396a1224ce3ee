using System;
using System.Collections.Generic;
using System.Globalization;
using LinkTools.Core.Checking;
using LinkTools.Model.Checking;
using LinkTools.Model.Reporting;
using LinkTools.Model.Triage;

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
            var properties = new PropertyBag(bag);
            string url = properties.Text("Url");
            string status = properties.Text("Status");
            if (url.Length == 0 || status.Length == 0) return false;

            row = new ReportRow
            {
                Origin = properties.Text("Origin") is { Length: > 0 } origin ? origin : "Imported",
                Source = properties.Text("Source") is { Length: > 0 } source ? source
                    : properties.Text("SourcePage") is { Length: > 0 } page ? page : properties.Text("SourceUrl"),
                Url = url,
                Status = status,
                Outcome = Enum.TryParse<LinkStatus>(status, true, out var known) ? LinkResultRowAdapter.OutcomeOf(known) : ReportOutcome.Passed,
                StatusCode = properties.Int("StatusCode"),
                FailureKind = properties.Text("FailureKind") == "None" ? "" : properties.Text("FailureKind"),
                Reason = properties.Text("Reason"),
                ElapsedMs = properties.Long("ElapsedMs"),
                BaselineState = properties.Text("BaselineState") == "None" ? "" : properties.Text("BaselineState"),
                CheckedAt = properties.Date("CheckedAt"),
            };
            return true;
        }
    }
}
