using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>Builds the JSON body of a webhook notification in the chosen shape.</summary>
    public static class WebhookPayload
    {
        public static string Build(WebhookFormat format, IReadOnlyList<SiteStateChange> changes)
        {
            object payload = format switch
            {
                WebhookFormat.Slack => new Dictionary<string, object> { ["text"] = Slack(ChangeSummary.Subject(changes) + "\n" + ChangeSummary.Body(changes)) },
                WebhookFormat.Teams => Teams(changes),
                _ => new Dictionary<string, object>
                {
                    ["source"] = "LinkTools",
                    ["summary"] = ChangeSummary.Subject(changes),
                    ["changes"] = changes.Select(Flat).ToArray(),
                },
            };
            return JsonSerializer.Serialize(payload, WebhookJson.Default.Object);
        }

        /// <summary>
        /// Slack reads '&lt;' as the start of a mention or link ('&lt;!channel&gt;', '&lt;http://evil|re-authenticate&gt;'):
        /// its three escapes keep a site's text as text. Terminal escapes and agent commands go as everywhere else.
        /// </summary>
        private static string Slack(string text) =>
            Text.ConsoleText.NeutralizeLines(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

        private static Dictionary<string, object?> Flat(SiteStateChange c) => new()
        {
            ["at"] = c.At,
            ["url"] = c.Url,
            ["name"] = c.Name,
            ["from"] = c.From.ToString(),
            ["to"] = c.To.ToString(),
            ["since"] = c.Since,
            ["previousDurationSeconds"] = (long)c.PreviousDuration.TotalSeconds,
            ["reason"] = c.Reason.ToString(),
            ["statusCode"] = c.StatusCode,
            ["failureKind"] = c.FailureKind.ToString(),
            ["error"] = c.Error,
            ["responseTimeMs"] = c.ResponseTimeMs,
            ["consecutiveFailures"] = c.ConsecutiveFailures,
        };

        private static object Teams(IReadOnlyList<SiteStateChange> changes)
        {
            var body = new List<object>
            {
                new Dictionary<string, object> { ["type"] = "TextBlock", ["text"] = Reporting.ReportText.Markdown(ChangeSummary.Subject(changes)), ["weight"] = "Bolder", ["size"] = "Medium", ["wrap"] = true },
            };
            body.AddRange(changes.Select(c => (object)new Dictionary<string, object>
            {
                ["type"] = "TextBlock",
                ["text"] = Reporting.ReportText.Markdown(ChangeSummary.Line(c)),
                ["wrap"] = true,
                ["color"] = c.To == SiteHealth.Down ? "Attention" : c.To == SiteHealth.Up ? "Good" : "Warning",
            }));

            return new Dictionary<string, object>
            {
                ["type"] = "message",
                ["attachments"] = new object[]
                {
                    new Dictionary<string, object?>
                    {
                        ["contentType"] = "application/vnd.microsoft.card.adaptive",
                        ["contentUrl"] = null,
                        ["content"] = new Dictionary<string, object>
                        {
                            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                            ["type"] = "AdaptiveCard",
                            ["version"] = "1.4",
                            ["body"] = body,
                        },
                    },
                },
            };
        }
    }

    /// <summary>
    /// The payloads are dictionaries of plain values; each type a value can have is listed, so the JSON is written
    /// without reflection (also in the natively compiled CLI). Enums are written as their names by the builder.
    /// </summary>
    [JsonSerializable(typeof(object))]
    [JsonSerializable(typeof(object[]))]
    [JsonSerializable(typeof(List<object>))]
    [JsonSerializable(typeof(Dictionary<string, object>))]
    [JsonSerializable(typeof(Dictionary<string, object>[]))]
    [JsonSerializable(typeof(string))]
    [JsonSerializable(typeof(bool))]
    [JsonSerializable(typeof(int))]
    [JsonSerializable(typeof(long))]
    [JsonSerializable(typeof(DateTimeOffset))]
    internal sealed partial class WebhookJson : JsonSerializerContext
    {
    }
}
