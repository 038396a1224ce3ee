using System.Globalization;
using System.Text;

namespace LinkTools.Benchmarks;

/// <summary>
/// The docs-folder scenario's tree: folders of Markdown pages with headings, relative links (with and without ".md",
/// to folders, with fragments), images, reference links, raw HTML, tables, lists, code that must not count, and
/// remote links to the benchmark server; a known set of broken links seeded among them.
/// </summary>
internal sealed class DocsTreeGenerator
{
    private const int PagesPerFolder = 99;
    private const int Images = 50;
    private const int RemoteTargets = 500;

    public DocsTreeGenerator(int files)
    {
        Folders = Math.Max(1, files / (PagesPerFolder + 1));
    }

    public int Folders { get; }

    public int Pages => Folders * PagesPerFolder;

    /// <summary>Markdown files written: every page, a README per folder and the root README.</summary>
    public int Files => Pages + Folders + 1;

    /// <summary>Links written in all files (code excluded).</summary>
    public int Links { get; private set; }

    /// <summary>Every seeded broken link: the file, the link as written, and the link as LinkTools reports it (resolved).</summary>
    public List<(string File, string Raw, string Resolved)> Broken { get; } = new();

    /// <summary>Writes the tree under <paramref name="root"/>, replacing what is there.</summary>
    public void Write(string root, Uri server)
    {
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.CreateDirectory(Path.Combine(root, "img"));
        for (int k = 0; k < Images; k++) File.WriteAllBytes(Path.Combine(root, "img", $"fig{k}.png"), [0x89, 0x50, 0x4E, 0x47]);

        var readme = new StringBuilder("# Documentation\n\n");
        for (int f = 0; f < Folders; f++)
        {
            readme.Append(CultureInfo.InvariantCulture, $"- [Folder {f}](d{f:00}/)\n");
            Links++;
        }

        File.WriteAllText(Path.Combine(root, "README.md"), readme.ToString());
        for (int f = 0; f < Folders; f++)
        {
            string folder = Path.Combine(root, $"d{f:00}");
            Directory.CreateDirectory(folder);
            var index = new StringBuilder($"# Folder {f}\n\nBack to the [documentation](../README.md).\n\n");
            Links++;
            for (int m = 0; m < PagesPerFolder; m++)
            {
                index.Append(CultureInfo.InvariantCulture, $"- [Page {m}](page{m:00}.md)\n");
                Links++;
            }

            File.WriteAllText(Path.Combine(folder, "README.md"), index.ToString());
            for (int m = 0; m < PagesPerFolder; m++)
            {
                int i = f * PagesPerFolder + m;
                File.WriteAllText(Path.Combine(folder, $"page{m:00}.md"), Page(i, server));
            }
        }
    }

    private static string FileOf(int i) => $"d{i / PagesPerFolder:00}/page{i % PagesPerFolder:00}.md";

    /// <summary>The link from page <paramref name="from"/> to page <paramref name="to"/>, relative, as an author writes it.</summary>
    private string Rel(int from, int to, string suffix = ".md")
    {
        int toFolder = to / PagesPerFolder;
        string name = $"page{to % PagesPerFolder:00}{suffix}";
        return toFolder == from / PagesPerFolder ? name : $"../d{toFolder:00}/{name}";
    }

    private string Page(int i, Uri server)
    {
        int n = Pages;
        int P(int step) => (i + step) % n;
        string file = FileOf(i);
        string folder = file.Substring(0, 3);
        var b = new StringBuilder();
        int links = 0;
        void Add(string format) { b.Append(format); }

        Add($"# Page {i}\n\nInline code `[not a link](missing-in-code.md)` is not a link.\n\n## Section 1\n\n");
        Add($"See the [next page]({Rel(i, P(1))}), the [previous one]({Rel(i, P(n - 1))}#section-2), [another]({Rel(i, P(137))}), ");
        Add($"[its third section]({Rel(i, P(251))}#section-3), the [wiki form]({Rel(i, P(333), "")}) and the [folder](../d{P(401) / PagesPerFolder:00}/).\n");
        Add($"![figure](../img/fig{i % Images}.png) ![figure two](../img/fig{(i + 7) % Images}.png)\n");
        Add($"Back to the [top](#page-{i}) or on to [section two](#section-2).\n\n## Section 2\n\n");
        Add($"- [a]({Rel(i, P(2))})\n- [b]({Rel(i, P(3))}#section-1)\n- [c]({Rel(i, P(577))})\n- [home](../README.md)\n\n");
        Add($"| Table | Link |\n|---|---|\n| e | [e]({Rel(i, P(711))}) |\n\n");
        Add($"A [reference link][ref] and <a href=\"{Rel(i, P(5))}\">raw HTML</a>.\n\n```\n[not a link either](missing-in-fence.md)\n```\n\n## Section 3\n\n");
        string ok1 = new Uri(server, $"ok/{i % RemoteTargets}").AbsoluteUri, ok2 = new Uri(server, $"ok/{i * 7 % RemoteTargets}").AbsoluteUri, ok3 = new Uri(server, $"ok/{i * 13 % RemoteTargets}").AbsoluteUri;
        Add($"Remote: the [site]({ok1}), the [docs]({ok2}) and <{ok3}>.\n");
        links += 20;

        if (i % 50 == 0) Seed(b, file, $"page{i % PagesPerFolder:00}-gone.md", $"{folder}/page{i % PagesPerFolder:00}-gone.md", "a [gone page]({0})");
        if (i % 70 == 0) Seed(b, file, $"{Rel(i, P(19))}#section-9", FileOf(P(19)) + "#section-9", "a [missing section]({0})");
        if (i % 100 == 0) Seed(b, file, new Uri(server, $"broken/{i}").AbsoluteUri, new Uri(server, $"broken/{i}").AbsoluteUri, "a [dead site]({0})");
        if (i % 90 == 0) Seed(b, file, $"../img/missing{i}.png", $"img/missing{i}.png", "![missing image]({0})");
        if (i % 110 == 0) Seed(b, file, "#no-such-heading", file + "#no-such-heading", "a [missing heading]({0})");

        Add($"\n[ref]: {Rel(i, P(888))}\n");
        Links += links;
        return b.ToString();
    }

    private void Seed(StringBuilder page, string file, string raw, string resolved, string format)
    {
        page.Append("\nAlso ").Append(string.Format(CultureInfo.InvariantCulture, format, raw)).Append(".\n");
        Broken.Add((file, raw, resolved));
        Links++;
    }
}
