using LinkTools.Core.Monitoring;
using LinkTools.Core.Monitoring.Notifications;

namespace LinkTools.Cli.Output;

/// <summary>The CLI's side of a watch: CI lines as they are (the changes themselves are already on the output).</summary>
internal sealed class ConsoleWatchCallbacks : IWatchCallbacks
{
    private readonly TextWriter _ciOutput;

    public ConsoleWatchCallbacks(TextWriter ciOutput) => _ciOutput = ciOutput;

    public void OnStateChanges(IReadOnlyList<SiteStateChange> changes)
    {
    }

    public void WriteCiLine(string line)
    {
        _ciOutput.WriteLine(line);
        _ciOutput.Flush();
    }
}
