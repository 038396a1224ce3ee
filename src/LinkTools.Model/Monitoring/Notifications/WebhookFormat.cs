namespace LinkTools.Model.Monitoring.Notifications
{
    /// <summary>The payload shape a webhook expects.</summary>
    public enum WebhookFormat
    {
        /// <summary>{ "source": "LinkTools", "summary": "…", "changes": [ { …every SiteStateChange field… } ] }</summary>
        Json,
        /// <summary>A Microsoft Teams Workflows ("When a Teams webhook request is received") message with an Adaptive Card.</summary>
        Teams,
        /// <summary>A Slack incoming-webhook message: { "text": "…" }.</summary>
        Slack,
    }
}
