using System.Text;

namespace LinkTools.Build.Help;

/// <summary>
/// Reads a cmdlet's examples from docs/examples/Verb-Noun.md: each "## Title" starts an example, its first fenced
/// code block is the code, and the paragraphs after it are the remarks.
/// </summary>
internal static class ExampleFile
{
    public static string PathFor(string examplesDirectory, string commandName) =>
        Path.Combine(examplesDirectory, commandName + ".md");

    public static IReadOnlyList<ExampleHelp> Read(string path) =>
        File.Exists(path) ? Parse(File.ReadAllLines(path)) : Array.Empty<ExampleHelp>();

    public static IReadOnlyList<ExampleHelp> Parse(IEnumerable<string> lines)
    {
        var examples = new List<ExampleHelp>();
        string? title = null;
        string? code = null;
        var codeLines = new List<string>();
        var remarks = new List<string>();
        var paragraph = new StringBuilder();
        bool inCode = false;

        void EndParagraph()
        {
            if (paragraph.Length > 0) remarks.Add(paragraph.ToString().Trim());
            paragraph.Clear();
        }

        void EndExample()
        {
            EndParagraph();
            if (title != null) examples.Add(new ExampleHelp(title, code ?? "", remarks.ToArray()));
            title = null;
            code = null;
            remarks.Clear();
        }

        foreach (var line in lines)
        {
            if (inCode)
            {
                if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
                {
                    inCode = false;
                    code ??= string.Join("\n", codeLines).TrimEnd();
                    codeLines.Clear();
                }
                else
                {
                    codeLines.Add(line);
                }

                continue;
            }

            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                EndExample();
                title = line.Substring(3).Trim();
            }
            else if (title != null && line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                EndParagraph();
                inCode = true;
            }
            else if (title != null && line.Trim().Length == 0)
            {
                EndParagraph();
            }
            else if (title != null)
            {
                paragraph.Append(' ').Append(line.Trim());
            }
        }

        EndExample();
        return examples;
    }
}
