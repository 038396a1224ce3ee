using System.Diagnostics;

namespace LinkTools.Tests.Monitoring;

/// <summary>
/// A real SMTP server on 127.0.0.1 for the email notifier: Python's standard smtpd module (in Python up to 3.11),
/// saving each message as a file. Null when python3 with smtpd is not available, with the reason.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Script = """
import os, sys, warnings
warnings.simplefilter("ignore")
import asyncore, smtpd

class Sink(smtpd.SMTPServer):
    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        name = os.path.join(sys.argv[1], "mail-%d.eml" % len(os.listdir(sys.argv[1])))
        with open(name + ".part", "wb") as f:
            f.write(("X-Envelope-To: " + ",".join(rcpttos) + "\r\n").encode() + (data if isinstance(data, bytes) else data.encode()))
        os.rename(name + ".part", name)

server = Sink(("127.0.0.1", 0), None, decode_data=False)
print("ready %d" % server.socket.getsockname()[1], flush=True)
asyncore.loop(timeout=0.2)
""";

    private readonly Process _process;

    private SmtpSink(Process process, int port, string directory)
    {
        _process = process;
        Port = port;
        Directory = directory;
    }

    public int Port { get; }

    public string Directory { get; }

    public string[] Messages() =>
        System.IO.Directory.GetFiles(Directory, "*.eml").OrderBy(f => f).Select(File.ReadAllText).ToArray();

    public static SmtpSink? TryStart(out string reason)
    {
        var dir = System.IO.Directory.CreateTempSubdirectory("smtp-sink").FullName;
        var script = Path.Combine(dir, "..", Path.GetFileName(dir) + ".py");
        File.WriteAllText(script, Script);
        Process process;
        try
        {
            process = Process.Start(new ProcessStartInfo("python3", $"\"{script}\" \"{dir}\"") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false })!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            reason = "python3 could not be started: " + ex.Message;
            return null;
        }

        var ready = process.StandardOutput.ReadLineAsync();
        if (!ready.Wait(TimeSpan.FromSeconds(20)) || ready.Result is not string line || !line.StartsWith("ready "))
        {
            string error = process.HasExited ? process.StandardError.ReadToEnd() : "no answer within 20 s";
            if (!process.HasExited) process.Kill();
            reason = "python3's smtpd server did not start: " + error.Trim();
            return null;
        }

        reason = "";
        return new SmtpSink(process, int.Parse(line.Substring(6)), dir);
    }

    /// <summary>Waits for <paramref name="count"/> messages (bounded).</summary>
    public string[] WaitFor(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var messages = Messages();
            if (messages.Length >= count) return messages;
            Thread.Sleep(50);
        }

        return Messages();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try { System.IO.Directory.Delete(Directory, true); } catch (IOException) { }
    }
}
