using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Core.Http;
using LinkTools.Core.Urls;
using LinkTools.Model.Monitoring;
using LinkTools.Model.Monitoring.Notifications;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>Posts each batch to a webhook as JSON (generic, Teams Workflows or Slack), retrying failed posts.</summary>
    public sealed class WebhookNotifier : IStateChangeNotifier, IDisposable
    {
        private readonly HttpClient _client;
        private readonly Uri _url;
        private readonly WebhookFormat _format;

        public WebhookNotifier(Uri url, WebhookFormat format, int retries = 2, TimeSpan? retryDelay = null, HttpMessageHandler? handler = null)
        {
            _url = url;
            _format = format;
            Retries = retries;
            RetryDelay = retryDelay ?? TimeSpan.FromSeconds(2);
            _client = handler == null ? new HttpClient() : new HttpClient(handler, disposeHandler: true);
            _client.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        }

        public int Retries { get; }

        public TimeSpan RetryDelay { get; }

        // The path and query of a webhook URL are its secret: only the origin is shown.
        public string Description => $"{_format} webhook {UrlText.Secret(_url)}";

        public async Task SendAsync(IReadOnlyList<SiteStateChange> changes, CancellationToken cancellationToken)
        {
            string json = WebhookPayload.Build(_format, changes);
            string? lastError = null;
            for (int attempt = 0; attempt <= Retries; attempt++)
            {
                if (attempt > 0) await Task.Delay(TimeSpan.FromTicks(RetryDelay.Ticks * attempt), cancellationToken).ConfigureAwait(false);
                try
                {
                    using var content = new StringContent(json, Encoding.UTF8, "application/json");
                    using var response = await _client.PostAsync(_url, content, cancellationToken).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode) return;
                    lastError = StatusReasons.Of((int)response.StatusCode, response.ReasonPhrase);
                    // The engine's rule: only what may get better by asking again (408, 429, 5xx but 501 and 505).
                    if (!RetryPolicy.IsTransientStatus((int)response.StatusCode)) break;
                }
                catch (HttpRequestException ex)
                {
                    lastError = ex.GetBaseException().Message;
                }
            }

            throw new InvalidOperationException($"{Description} answered {lastError} after {Retries + 1} attempt(s)");
        }

        public void Dispose() => _client.Dispose();

        public override string ToString() => UrlText.Secret(_url);
    }
}
