using System.CommandLine;
using System.Diagnostics;
using System.Text;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Text;

namespace LinkTools.Cli.Output;

/// <summary>
/// The CLI's progress on stderr (never stdout, which carries data). On a terminal, one line redrawn in place at most
/// every 250 ms and erased at the end; otherwise (a CI log) a plain line at most every <see cref="PlainInterval"/>,
/// the first after one interval.
/// </summary>
public sealed class ProgressLine
{
    public static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(3);
    private readonly TextWriter _writer;
    private readonly bool _live;
    private readonly int _width;
    private readonly Stopwatch _since = new();
    private bool _shown;

    /// <param name="live">stderr is a terminal: redraw one line in place.</param>
    /// <param name="width">Columns of the terminal; a live line is cut to fit so it never wraps.</param>
    public ProgressLine(TextWriter writer, bool live, int width = 80)
    {
        _writer = writer;
        _live = live;
        _width = Math.Max(20, width);

        // A log gets its first line after an interval too: a short run's log stays as it was.
        if (!live) _since.Start();
    }

    /// <summary>--quiet: the option that turns progress off.</summary>
    public static Option<bool> QuietOption() => new("--quiet", "-q") { Description = "No progress line on stderr." };

    /// <summary>For stderr as it is: live on a terminal, plain when redirected; null when <paramref name="quiet"/>.</summary>
    public static ProgressLine? ForStandardError(bool quiet)
    {
        if (quiet) return null;
        bool live = !Console.IsErrorRedirected;
        int width = 80;
        if (live)
        {
            try
            {
                width = Console.WindowWidth;
            }
            catch (IOException)
            {
            }
        }

        return new ProgressLine(Console.Error, live, width);
    }

    public void Show(ProgressInfo progress)
    {
        if (progress.Completed)
        {
            Clear();
            return;
        }

        var interval = _live ? LiveInterval : PlainInterval;
        if (_since.IsRunning && _since.Elapsed < interval) return;
        _since.Restart();

        string text = Text(progress);
        if (_live)
        {
            if (text.Length > _width - 1) text = text.Substring(0, _width - 2) + "…";
            _writer.Write("\r\u001b[K" + text);
            _shown = true;
        }
        else
        {
            _writer.WriteLine("progress: " + text);
        }

        _writer.Flush();
    }

    /// <summary>Erases a live line, so that the next line on stderr (a warning, the summary) starts clean.</summary>
    public void Clear()
    {
        if (!_shown) return;
        _writer.Write("\r\u001b[K");
        _writer.Flush();
        _shown = false;
    }

    private static string Text(ProgressInfo progress)
    {
        string text = progress.Activity + ": " + progress.StatusDescription;
        if (!string.IsNullOrEmpty(progress.CurrentOperation)) text += " (" + progress.CurrentOperation + ")";

        // The line is drawn with a control sequence of its own; none may come from the text.
        var safe = new StringBuilder(text.Length);
        foreach (char c in text) safe.Append(char.IsControl(c) ? ' ' : c);
        return ConsoleText.Neutralize(safe.ToString());
    }
}
