using System.Collections.Generic;
using System.Net;
using LinkTools.Core.Settings;
using LinkTools.Model.Settings;

namespace LinkTools.Core.Monitoring.Notifications
{
    /// <summary>Where and how email notifications are sent.</summary>
    public sealed class SmtpSettings
    {
        public string Server { get; set; } = "";
        public int Port { get; set; } = SettingDescriptions.SmtpPort.IntDefault;
        public bool UseSsl { get; set; }
        public NetworkCredential? Credential { get; set; }
        public string From { get; set; } = "";
        public IList<string> To { get; } = new List<string>();
    }
}
