using LinkTools.Core.Urls;

namespace LinkTools.Tests.Urls;

public sealed class UrlListFileTests
{
    private const string List = "# docs\n  https://a.test/  \n\n\t\n   # indented comment\nhttps://b.test/#top\r\n";

    [Fact]
    public void ListsAreTrimmedAndSkipBlankLinesAndComments() =>
        Assert.Equal(new[] { "https://a.test/", "https://b.test/#top" }, UrlListFile.Urls(new StringReader(List)));

    [Fact]
    public void AFileReadsAsTheSameListAsAnyOtherReader()
    {
        var path = Path.Combine(Path.GetTempPath(), "linktools-urls-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(path, "\uFEFF" + List);
        try
        {
            Assert.True(UrlListFile.TryRead(path, out var urls, out var error), error?.Message);
            Assert.Equal(UrlListFile.Urls(new StringReader(List)), urls);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
