using System.CommandLine;
using LinkTools.Cli.Output;
using LinkTools.Core.Ci;
using LinkTools.Core.Operations;
using LinkTools.Core.Pipeline;
using LinkTools.Core.Reporting;
using LinkTools.Core.Settings;
using LinkTools.Core.Triage;
using LinkTools.Core.Urls;
using LinkTools.Model.Reporting;
using LinkTools.Model.Settings;

namespace LinkTools.Cli.Commands;

/// <summary>`linktools check`: Test-Link for the command line.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var urls = new Argument<string[]>("url") { Description = "URLs to check; '-' or none reads them from standard input.", Arity = ArgumentArity.ZeroOrMore };
        var inputFile = new Option<FileInfo?>("--input-file", "-i") { Description = "A file with one URL a line (# starts a comment)." };
        var format = FormatOption.Create();
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Print every request to stderr." };
        var quiet = ProgressLine.QuietOption();
        var engine = new EngineOptionSet(SettingDescriptions.Check);
        var report = new ReportOptionSet();
        var pipeline = new TriageOptionSet();
        var cache = new CacheOptionSet();

        var command = new Command("check", "Check URLs concurrently; exit code 1 when any is broken.");
        command.Arguments.Add(urls);
        command.Options.Add(inputFile);
        command.Options.Add(format);
        command.Options.Add(verbose);
        command.Options.Add(quiet);
        engine.AddTo(command);
        report.AddTo(command);
        pipeline.AddTo(command);
        cache.AddTo(command);

        command.SetAction((parse, cancellationToken) =>
        {
            var options = engine.Build(parse, out var error);
            if (options == null) return Task.FromResult(Fail(error!));
            var reportRequest = report.Read(parse, out var reportError);
            if (reportError != null) return Task.FromResult(Fail(reportError));
            var triage = pipeline.ReadTriage(parse, DateTimeOffset.UtcNow, out var triageError);
            if (triageError != null) return Task.FromResult(Fail(triageError));
            bool ciSummary = parse.GetValue(pipeline.CiSummary);
            if (ciSummary && reportRequest?.Format != ReportFormat.Markdown) return Task.FromResult(Fail("--ci-summary needs a Markdown --report."));

            IEnumerable<string> input;
            var file = parse.GetValue(inputFile);
            var args = parse.GetValue(urls) ?? [];
            if (file != null)
            {
                if (!UrlListFile.TryRead(file.FullName, out var fromFile, out var readError)) return Task.FromResult(Fail(readError.Message));
                input = args.Concat(fromFile);
            }
            else if (args.Length == 0 || (args.Length == 1 && args[0] == "-"))
            {
                if (!Console.IsInputRedirected && args.Length == 0) return Task.FromResult(Fail("No URLs given: pass them as arguments, with --input-file, or on standard input."));
                input = UrlListFile.Urls(Console.In);
            }
            else
            {
                input = args;
            }

            return Task.FromResult(Run(options, input, parse.GetValue(format), cancellationToken, reportRequest, triage, ciSummary, parse.GetValue(verbose), cache.Read(parse, engine.Settings.Read(parse)), parse.GetValue(quiet), engine.Checks(parse)));
        });
        return command;
    }

    internal static int Run(Core.Http.EngineOptions options, IEnumerable<string> input, OutputFormat format, CancellationToken cancellationToken, ReportRequest? report = null, ResultTriage? triage = null, bool ciSummary = false, bool verbose = false, Core.Caching.ResultCacheSettings? cache = null, bool quiet = true, Core.Checking.CheckPolicy? checks = null)
    {
        using var sink = new ConsoleSink(ResultWriter.For(format, Console.Out), Console.Error, verbose, ProgressLine.ForStandardError(quiet));
        var reporting = report == null ? null : new ReportingSink(sink);
        var ci = CiAnnotations.Detect();
        var annotator = ci?.Annotator;
        var settings = new TestLinkSettings
        {
            Engine = options,
            Checks = checks ?? Core.Checking.CheckPolicy.Default,
            Ci = ci,
            Triage = triage,
            Cache = cache,
        };
        TestLinkOperation operation;
        try
        {
            operation = new TestLinkOperation(settings, (IPipelineSink?)reporting ?? sink);
        }
        catch (ArgumentException ex)
        {
            return Fail(Core.Settings.SettingValidation.MessageOf(ex));
        }

        using var owned = operation;
        using var registration = cancellationToken.Register(operation.Stop);
        operation.Process(input);
        operation.End();
        if (operation.IsStopping) return ExitCodes.Cancelled;
        if (reporting != null && !reporting.TryWriteReport(report!, "linktools check", Console.Error)) return ExitCodes.Usage;
        if (ciSummary && annotator != null && !TryAttachSummary(annotator, sink, report!.Path)) return ExitCodes.Usage;
        if (sink.ErrorCount > 0 && operation.FailingCount == 0) return ExitCodes.Usage;
        return operation.FailingCount > 0 ? ExitCodes.Broken : ExitCodes.Ok;
    }

    private static bool TryAttachSummary(CiAnnotator annotator, IPipelineSink sink, string markdownPath)
    {
        try
        {
            if (annotator.AttachSummary(markdownPath) is string line) sink.WriteInformation(line, [CiAnnotator.InformationTag]);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"linktools: cannot attach the report to the {annotator.Name} summary: {e.Message}");
            return false;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("linktools: " + message);
        return ExitCodes.Usage;
    }
}
