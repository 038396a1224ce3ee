using System.Diagnostics;

namespace LinkTools.Tests.Monitoring;

/// <summary>A test that needs the loopback SMTP server: skipped, with the reason, only where python3 with its smtpd module is missing.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public SmtpFactAttribute()
    {
        if (Missing.Value is string reason) Skip = reason;
    }

    private static string? Probe()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("python3", "-c \"import importlib.util as u, sys; sys.exit(0 if u.find_spec('smtpd') else 3)\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            if (!process.WaitForExit(20_000)) return "python3 did not answer within 20 s, so no SMTP server can be started for the email test.";
            return process.ExitCode == 0 ? null : "python3 has no smtpd module (it was removed in Python 3.12), so no SMTP server can be started for the email test.";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "python3 is not installed, so no SMTP server can be started for the email test.";
        }
    }
}
