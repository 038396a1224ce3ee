using System.Collections.Generic;
using System.Linq;
using System.Text;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>The people-facing words of a notification: a subject line and one line per change.</summary>
    public static class ChangeSummary
    {
        public static string Subject(IReadOnlyList<SiteStateChange> changes)
        {
            int down = changes.Count(c => c.To == SiteHealth.Down);
            int up = changes.Count(c => c.Reason == StateChangeReason.Recovered);
            if (changes.Count == 1) return $"{changes[0].Name} is {changes[0].To}" + (changes[0].Reason == StateChangeReason.Reminder ? " (still)" : "");
            var parts = new List<string>();
            if (down > 0) parts.Add($"{down} down");
            if (up > 0) parts.Add($"{up} recovered");
            int other = changes.Count - down - up;
            if (other > 0) parts.Add($"{other} other");
            return $"{changes.Count} site changes: " + string.Join(", ", parts);
        }

        public static string Line(SiteStateChange change)
        {
            var line = new StringBuilder();
            line.Append(change.Reason).Append(": ").Append(change.Name).Append(" (").Append(change.Url).Append(") ")
                .Append(change.From).Append(" -> ").Append(change.To);
            if (change.StatusCode is int code) line.Append(", HTTP ").Append(code);
            if (change.Error.Length > 0) line.Append(", ").Append(change.Error);
            line.Append(", since ").Append(change.Since.ToString("u"));
            return line.ToString();
        }

        public static string Body(IReadOnlyList<SiteStateChange> changes) => string.Join("\n", changes.Select(Line));
    }
}
