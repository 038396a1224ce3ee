using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Mail;
using System.Threading;
using System.Threading.Tasks;
using LinkTools.Model.Monitoring;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>Sends each batch as one plain-text email through SMTP (System.Net.Mail).</summary>
    public sealed class EmailNotifier : IStateChangeNotifier
    {
        private readonly SmtpSettings _settings;

        public EmailNotifier(SmtpSettings settings)
        {
            if (string.IsNullOrWhiteSpace(settings.Server)) throw new ArgumentException("The SMTP server is empty.", nameof(settings));
            if (settings.To.Count == 0) throw new ArgumentException("No recipient (-To) for email notifications.", nameof(settings));
            _settings = settings;
            // Bad addresses are bad input, found at the start rather than at the first outage.
            foreach (var address in new[] { settings.From }.Concat(settings.To))
            {
                try
                {
                    _ = new MailAddress(address);
                }
                catch (FormatException)
                {
                    throw new ArgumentException($"'{address}' is not a valid email address.", nameof(settings));
                }
            }
        }

        public string Description => $"email via {_settings.Server}:{_settings.Port}";

        public async Task SendAsync(IReadOnlyList<SiteStateChange> changes, CancellationToken cancellationToken)
        {
            using var message = new MailMessage
            {
                From = new MailAddress(_settings.From),
                Subject = "LinkTools: " + ChangeSummary.Subject(changes),
                Body = ChangeSummary.Body(changes) + "\n",
                IsBodyHtml = false,
            };
            foreach (var to in _settings.To) message.To.Add(to);

            using var client = new SmtpClient(_settings.Server, _settings.Port)
            {
                EnableSsl = _settings.UseSsl,
                DeliveryMethod = SmtpDeliveryMethod.Network,
                Timeout = 30_000,
            };
            if (_settings.Credential != null) client.Credentials = _settings.Credential;

            // SmtpClient takes no token on netstandard2.0: a stop cancels the send instead.
            using (cancellationToken.Register(client.SendAsyncCancel))
            {
                try
                {
                    await client.SendMailAsync(message).ConfigureAwait(false);
                }
                catch (SmtpException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }
            }
        }
    }
}
