using LinkTools.Core.Checking;
using LinkTools.Core.Pipeline;
using LinkTools.Model.Checking;
using LinkTools.Tests.Infrastructure;

namespace LinkTools.Tests.Faults;

/// <summary>
/// Bad input to Test-Link, mixed in with good URLs: each bad one is one error record naming it, every good one is
/// still checked, and nothing is lost or reported twice.
/// </summary>
public class BadInputFaultTests
{
    private static readonly string TenKilobytes = new('a', 10 * 1024);

    /// <summary>Inputs that must each become an error record (InvalidArgument) naming them.</summary>
    public static IReadOnlyList<string?> BadInputs(int port) => new[]
    {
        // Malformed
        "not a url",
        "http://",
        "https://[::1/",
        "http://127.0.0.1:99999/",
        "http:///no-host",
        "http//127.0.0.1/missing-colon",
        "://127.0.0.1/no-scheme",
        "http://exa mple.test/",
        "127.0.0.1/page",
        // 10 KB and 100 KB of malformed URL
        "http://[" + TenKilobytes + "]/",
        "not a url " + new string('z', 100 * 1024),
        // Unsupported schemes
        "ftp://127.0.0.1/pub",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "mailto:someone@example.test",
        "data:text/html,<a href=x>",
        "ws://127.0.0.1/socket",
        // Whitespace
        null,
        "",
        "   ",
        "\t\r\n",
        // Control characters
        $"http://127.0.0.1:{port}/nul\u0000byte",
        $"http://127.0.0.1:{port}/\u001b[31mred",
        $"http://127.0.0.1:{port}/tab\tinside",
        $"http://127.0.0.1:{port}/line\nbreak",
        $"http://127.0.0.1:{port}/\u0085next-line",
        $"http://127.0.0.1\u0007:{port}/bell-in-host",
    };

    [Fact]
    public async Task EveryBadInputIsOneErrorNamingItAndEveryGoodOneIsChecked()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var bad = BadInputs(server.BaseUri.Port);
        var good = new List<string>
        {
            server.Url("good/0").AbsoluteUri,
            "  " + server.Url("good/padded").AbsoluteUri + "\t",
            server.Url("good/long/" + TenKilobytes).AbsoluteUri,
            server.Url("good/with space").AbsoluteUri,
        };
        good.AddRange(Enumerable.Range(1, 30).Select(i => server.Url("good/" + i).AbsoluteUri));

        // Interleave so every bad input sits between good ones.
        var inputs = new List<string?>();
        for (int i = 0; i < Math.Max(bad.Count, good.Count); i++)
        {
            if (i < good.Count) inputs.Add(good[i]);
            if (i < bad.Count) inputs.Add(bad[i]);
        }

        var sink = await Invariants.TestLinkAsync(FaultOptions.TestLink(), inputs, FaultOptions.CaseBound);

        Assert.Equal(good.Count, sink.OfType<LinkResult>().Count());
        Assert.All(sink.OfType<LinkResult>(), r => Assert.Equal(LinkStatus.Ok, r.Status));
        Assert.Equal(bad.Count, sink.Errors.Count);
        for (int i = 0; i < bad.Count; i++)
        {
            var error = sink.Errors[i];
            Assert.Same(bad[i], error.TargetObject);
            Assert.Equal("InvalidUrl", error.ErrorId);
            Assert.Equal(PipelineErrorCategory.InvalidArgument, error.Category);
            string message = error.Exception.Message;
            Assert.True(message.Length < 600, $"message of {message.Length} characters for input {i}");
            Assert.DoesNotContain(message, ch => char.IsControl(ch));
            string? input = bad[i]?.Trim();
            if (!string.IsNullOrEmpty(input)) Assert.True(message.Contains(Shortened(Core.Urls.UrlText.Redact(input))), $"input {i}: {message}");
        }

        Assert.Equal(good.Count, server.Requests);
    }

    [Fact]
    public async Task ControlCharactersAreNamedEscapedWithTheirPosition()
    {
        await using var server = await TestServer.StartAsync(c => Task.CompletedTask);
        var input = $"http://127.0.0.1:{server.BaseUri.Port}/\u001b[31mred";
        var sink = await Invariants.TestLinkAsync(FaultOptions.TestLink(), new[] { input }, FaultOptions.CaseBound);
        var error = Assert.Single(sink.Errors);
        Assert.Contains("\\u001B[31mred", error.Exception.Message);
        Assert.Contains("U+001B", error.Exception.Message);
        Assert.Equal(0, server.Requests);
    }

    [Fact]
    public async Task OverlongInputIsNamedButShortened()
    {
        var input = "not a url " + new string('z', 100 * 1024);
        var sink = await Invariants.TestLinkAsync(FaultOptions.TestLink(), new[] { input }, FaultOptions.CaseBound);
        var error = Assert.Single(sink.Errors);
        Assert.Same(input, error.TargetObject);
        Assert.Contains("not a url zzz", error.Exception.Message);
        Assert.Contains($"({input.Length} characters)", error.Exception.Message);
    }

    /// <summary>The part of an input every message quotes: its start, up to the first control character.</summary>
    private static string Shortened(string input)
    {
        int control = input.IndexOf(input.FirstOrDefault(char.IsControl));
        string start = control > 0 && input.Any(char.IsControl) ? input[..control] : input;
        return start.Length > 100 ? start[..100] : start;
    }
}
