using LinkTools.Core.Crawling;
using LinkTools.Tests.Cmdlets;

namespace LinkTools.Tests.Packaging;

/// <summary>The README's table of what a page's links are is the scanner's own list (LinkSources), row for row.</summary>
public class LinkSourceTableTests
{
    private static List<string[]> Table(string heading, string after)
    {
        var lines = File.ReadAllLines(Path.Combine(CmdletContractTests.RepoRoot(), "README.md"));
        int start = Array.FindIndex(lines, l => l.Trim() == heading);
        Assert.True(start >= 0, $"README has no '{heading}'");
        int header = Array.FindIndex(lines, start, l => l.StartsWith(after, StringComparison.Ordinal));
        var rows = new List<string[]>();
        for (int i = header + 2; i < lines.Length && lines[i].StartsWith('|'); i++)
        {
            rows.Add(lines[i].Trim('|').Split(" | ").Select(c => c.Trim().Trim('`')).ToArray());
        }

        return rows;
    }

    [Fact]
    public void TheReadmeListsExactlyTheLinksTheScannerReads()
    {
        var rows = Table("#### What a page's links are", "| Element | Attribute | Kind");
        var expected = LinkSources.Read.Select(s => (s.Element, s.Attribute.Length == 0 ? "(text)" : s.Attribute, s.Navigates ? "page" : "resource"));

        Assert.Equal(expected, rows.Select(r => (r[0], r[1], r[2])));
    }

    [Fact]
    public void TheReadmeListsWhatIsDeliberatelyNotReadAndWhy()
    {
        var rows = Table("Deliberately not read:", "| Element | Attribute | Why");

        Assert.Equal(LinkSources.NotRead.Select(s => (s.Element, s.Attribute, s.Why)), rows.Select(r => (r[0], r[1], r[2])));
    }
}
