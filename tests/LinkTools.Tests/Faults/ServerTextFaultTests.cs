using LinkTools.Cli.Output;
using LinkTools.Core.Operations;
using LinkTools.Tests.Faults.Servers;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Servers (and inputs) that try to issue CI agent commands through text the CLI prints: reason phrases, redirect
/// targets, bad input echoed in errors. Whatever the format, no printed line can carry a command.
/// </summary>
public class ServerTextFaultTests
{
    public static TheoryData<OutputFormat> Formats() => new() { OutputFormat.Table, OutputFormat.Json, OutputFormat.Csv };

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task NoPrintedLineCarriesAnAgentCommand(OutputFormat format)
    {
        await using var server = RawServer.Start((r, c, ct) => r.Target switch
        {
            "/vso" => c.WriteAsync("HTTP/1.1 404 ##vso[task.complete result=Failed]\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct),
            "/group" => c.WriteAsync("HTTP/1.1 500 ##[error]owned\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct),
            "/actions" => c.WriteAsync("HTTP/1.1 410 ::error::owned\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", ct),
            "/moved" => c.RespondAsync(302, "Location: /landing##vso[task.setvariable variable=LEAK]1\r\n", "", ct),
            _ => c.RespondAsync(200, "", "", ct),
        });
        var inputs = new[]
        {
            server.Url("vso").AbsoluteUri,
            server.Url("group").AbsoluteUri,
            server.Url("actions").AbsoluteUri,
            server.Url("moved").AbsoluteUri,
            "##vso[task.setvariable variable=LEAK]1",
            "::error::from input",
            "##[warning]from input",
        };
        var output = new StringWriter();
        var diagnostics = new StringWriter();

        await Invariants.WithinAsync(FaultOptions.CaseBound, () => Task.Factory.StartNew(() =>
        {
            using var sink = new ConsoleSink(ResultWriter.For(format, output), diagnostics, verbose: true);
            using var operation = new TestLinkOperation(FaultOptions.TestLink(), sink);
            operation.Process(inputs);
            operation.End();
            return 0;
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));

        string printed = output + "\n" + diagnostics;
        Assert.Contains("owned", printed);
        Assert.Equal(3, diagnostics.ToString().Split('\n').Count(l => l.StartsWith("error: ")));
        foreach (var line in printed.Split('\n'))
        {
            Assert.False(line.Contains("##vso["), "agent command in line: " + line);
            Assert.False(line.TrimStart().StartsWith("##["), "agent command at line start: " + line);
            Assert.False(line.TrimStart().StartsWith("::"), "agent command at line start: " + line);
        }
    }
}
